import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { builtinRolePermissions, type BuiltinRole } from "../access/roles";
import type { Actor } from "../access/actor";
import { allows } from "../access/policy";
import { currentEuAiActRules } from "../eu-ai-act/registry";
import { DomainError } from "../shared/domain-error";
import { ReportIncidentInput, UpdateIncidentInput } from "../schemas/incidents";
import {
  addCalendarDays,
  assessSeriousIncident,
  computeDeadlines,
  daysLeft,
  deadlineIsUrgent,
  decideUpdateIncident,
  emptySeriousIncidentAnswers,
  incidentPolicy,
  incidentStatuses,
  incidentTransitions,
  isCalendarDate,
  checkIncidentDates,
  type IncidentFields,
  type SeriousIncidentAnswers,
} from "./incident";

const rules = currentEuAiActRules;
const no: SeriousIncidentAnswers = {
  death: false,
  seriousHealthHarm: false,
  criticalInfrastructureDisruption: false,
  fundamentalRightsInfringement: false,
  seriousPropertyOrEnvironmentHarm: false,
  widespreadInfringement: false,
};

describe("calendar days", () => {
  const cases: [string, number, string][] = [
    ["2028-02-27", 2, "2028-02-29"], // leap day
    ["2027-02-27", 2, "2027-03-01"], // no leap day
    ["2028-02-28", 2, "2028-03-01"],
    ["2027-12-31", 15, "2028-01-15"], // year end
    ["2027-01-31", 10, "2027-02-10"], // month end
    ["2026-03-28", 2, "2026-03-30"], // across the EU daylight-saving change
    ["2026-10-24", 2, "2026-10-26"],
    ["2028-02-29", 0, "2028-02-29"],
  ];
  for (const [from, days, due] of cases)
    it(`${from} + ${days} = ${due}`, () => assert.equal(addCalendarDays(from, days), due));

  it("recognises real calendar dates only", () => {
    assert.equal(isCalendarDate("2028-02-29"), true);
    assert.equal(isCalendarDate("2027-02-29"), false);
    assert.equal(isCalendarDate("2027-13-01"), false);
    assert.equal(isCalendarDate("27-01-01"), false);
  });

  it("counts days left, negative when overdue, urgent at 2 or less", () => {
    assert.equal(daysLeft("2028-02-29", "2028-02-27"), 2);
    assert.equal(daysLeft("2028-01-15", "2027-12-31"), 15);
    assert.equal(daysLeft("2028-01-15", "2028-01-16"), -1);
    assert.equal(deadlineIsUrgent(3), false);
    assert.equal(deadlineIsUrgent(2), true);
    assert.equal(deadlineIsUrgent(-4), true);
  });
});

describe("Art. 3(49) serious-incident test", () => {
  const table: [string, Partial<SeriousIncidentAnswers>, string, string[]][] = [
    ["all no", {}, "not_serious", []],
    ["death", { death: true }, "serious", ["a"]],
    ["serious harm to health", { seriousHealthHarm: true }, "serious", ["a"]],
    ["critical infrastructure", { criticalInfrastructureDisruption: true }, "serious", ["b"]],
    ["fundamental rights", { fundamentalRightsInfringement: true }, "serious", ["c"]],
    ["property or environment", { seriousPropertyOrEnvironmentHarm: true }, "serious", ["d"]],
    ["widespread infringement only", { widespreadInfringement: true }, "serious", []],
    ["several grounds", { death: true, fundamentalRightsInfringement: true }, "serious", ["a", "c"]],
    ["one unanswered", { seriousHealthHarm: null }, "undetermined", []],
    [
      "unanswered but one yes",
      { seriousHealthHarm: null, seriousPropertyOrEnvironmentHarm: true },
      "serious",
      ["d"],
    ],
  ];
  for (const [name, answers, outcome, grounds] of table)
    it(name, () => {
      const a = assessSeriousIncident({ ...no, ...answers });
      assert.equal(a.outcome, outcome);
      assert.deepEqual(a.grounds, grounds);
    });
  it("nothing answered is undetermined and lists every question", () => {
    const a = assessSeriousIncident(emptySeriousIncidentAnswers);
    assert.equal(a.outcome, "undetermined");
    assert.equal(a.unanswered.length, 6);
  });
});

describe("computeDeadlines", () => {
  const clocks = (
    answers: Partial<SeriousIncidentAnswers>,
    role: "provider" | "deployer" = "provider",
    on = "2027-12-31",
  ) =>
    computeDeadlines({ becameAwareOn: on, role, answers: { ...no, ...answers } }, rules).map((d) => [
      d.kind,
      d.dueAt,
      d.basis,
    ]);

  it("no clock for a not-serious or undetermined incident", () => {
    assert.deepEqual(clocks({}), []);
    assert.deepEqual(clocks({ death: null }), []);
  });
  it("15 days in general (aware 2027-12-31 → 2028-01-15)", () =>
    assert.deepEqual(clocks({ seriousHealthHarm: true }), [
      ["report_general", "2028-01-15", "Art. 73(2), Regulation (EU) 2024/1689"],
    ]));
  it("10 days for a death, the strictest clock wins", () =>
    assert.deepEqual(clocks({ death: true, seriousHealthHarm: true }), [
      ["report_death", "2028-01-10", "Art. 73(4), Regulation (EU) 2024/1689"],
    ]));
  it("2 days for a critical-infrastructure disruption, across a leap day", () =>
    assert.deepEqual(clocks({ criticalInfrastructureDisruption: true }, "provider", "2028-02-27"), [
      ["report_widespread_or_critical_infrastructure", "2028-02-29", "Art. 73(3), Regulation (EU) 2024/1689"],
    ]));
  it("2 days for a widespread infringement, even together with a death", () =>
    assert.deepEqual(
      clocks({ widespreadInfringement: true, death: true }, "provider", "2027-02-27").map((c) =>
        c.slice(0, 2),
      ),
      [["report_widespread_or_critical_infrastructure", "2027-03-01"]],
    ));
  it("a deployer informs the provider immediately (due on the awareness day)", () =>
    assert.deepEqual(clocks({ fundamentalRightsInfringement: true }, "deployer"), [
      ["deployer_inform_provider", "2027-12-31", "Art. 26(5), Regulation (EU) 2024/1689"],
    ]));
  it("the periods come from the rule data, not from code", () => {
    const altered = {
      ...rules,
      incidentReporting: rules.incidentReporting.map((r) =>
        r.kind === "report_general" ? { ...r, maxDays: 20 } : r,
      ),
    };
    const [d] = computeDeadlines(
      { becameAwareOn: "2027-12-31", role: "provider", answers: { ...no, seriousHealthHarm: true } },
      altered,
    );
    assert.equal(d?.dueAt, "2028-01-20");
    assert.equal(d?.rulesId, rules.id);
  });
  it("the rule data carries the reference's periods with their articles", () => {
    const byKind = Object.fromEntries(rules.incidentReporting.map((r) => [r.kind, [r.maxDays, r.article]]));
    assert.deepEqual(byKind, {
      deployer_inform_provider: [0, "Art. 26(5)"],
      report_general: [15, "Art. 73(2)"],
      report_death: [10, "Art. 73(4)"],
      report_widespread_or_critical_infrastructure: [2, "Art. 73(3)"],
    });
  });
});

describe("incident policy (role × action)", () => {
  const actor = (role: BuiltinRole): Actor =>
    ({ userId: "u1", orgId: "o1", permissions: new Set(builtinRolePermissions[role]) }) as unknown as Actor;
  const expected: Record<BuiltinRole, [boolean, boolean]> = {
    owner: [true, true],
    admin: [true, true],
    governance_lead: [true, true],
    contributor: [true, true],
    auditor: [true, false],
    viewer: [true, false],
  };
  for (const [role, [read, write]] of Object.entries(expected) as [BuiltinRole, [boolean, boolean]][])
    for (const status of incidentStatuses)
      it(`${role} on a ${status} incident: read ${read}, write ${write}`, () => {
        const a = actor(role);
        assert.equal(allows(a, incidentPolicy, "read", { status }), read);
        for (const action of ["report", "update", "log_communication"] as const)
          assert.equal(allows(a, incidentPolicy, action, { status }), write, action);
      });
});

describe("decideUpdateIncident", () => {
  const base: IncidentFields & { id: string; status: "reported"; version: number } = {
    id: "i1",
    status: "reported",
    version: 3,
    title: "Wrong dosage suggested",
    description: "",
    occurredOn: null,
    becameAwareOn: "2027-01-10",
    severity: "high",
    harmTypes: ["health"],
    role: "provider",
    answers: emptySeriousIncidentAnswers,
    resolution: "",
  };
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof DomainError ? e.code : "other";
    }
    return "ok";
  };

  it("a stale version is a conflict", () =>
    assert.equal(
      code(() => decideUpdateIncident(base, {}, 2, false)),
      "conflict",
    ));
  it("no change returns null", () =>
    assert.equal(decideUpdateIncident(base, { title: base.title }, 3, false), null));
  it("records changed fields and the serious outcome", () => {
    const d = decideUpdateIncident(base, { answers: { ...no, death: true } }, 3, false)!;
    assert.equal(d.events[0]?.type, "incident.updated");
    assert.deepEqual(d.events[0]?.payload.serious, ["undetermined", "serious"]);
  });
  it("follows the workflow table", () => {
    for (const from of incidentStatuses)
      for (const to of incidentStatuses) {
        if (from === to) continue;
        const result = code(() =>
          decideUpdateIncident(
            { ...base, status: from },
            { status: to, resolution: "Fixed the prompt." },
            3,
            false,
          ),
        );
        assert.equal(
          result,
          incidentTransitions[from].includes(to) ? "ok" : "invalid_state",
          `${from} → ${to}`,
        );
      }
  });
  it("resolving needs a resolution", () =>
    assert.equal(
      code(() => decideUpdateIncident(base, { status: "resolved" }, 3, false)),
      "invalid_input",
    ));
  it("emits status_changed with from/to", () => {
    const d = decideUpdateIncident(base, { status: "investigating" }, 3, false)!;
    assert.deepEqual(
      d.events.map((e) => [e.type, e.payload]),
      [["incident.status_changed", { status: ["reported", "investigating"] }]],
    );
  });
  it("a closed incident is frozen until reopened", () => {
    const closed = { ...base, status: "closed" as const, resolution: "Done." };
    assert.equal(
      code(() => decideUpdateIncident(closed, { title: "New" }, 3, false)),
      "invalid_state",
    );
    assert.equal(
      code(() => decideUpdateIncident(closed, { title: "New", status: "investigating" }, 3, false)),
      "ok",
    );
  });
});

describe("incident input", () => {
  it("names the field of a bad date", () => {
    const r = ReportIncidentInput.safeParse({ title: "x", becameAwareOn: "2027-02-29" });
    assert.equal(r.success, false);
    assert.deepEqual(
      r.error?.issues.map((i) => i.path.join(".")),
      ["becameAwareOn"],
    );
  });
  it("rejects unknown answers and fields", () => {
    assert.equal(
      ReportIncidentInput.safeParse({
        title: "x",
        becameAwareOn: "2027-01-01",
        seriousIncident: { maybe: true },
      }).success,
      false,
    );
    assert.equal(UpdateIncidentInput.safeParse({ version: 1, colour: "red" }).success, false);
  });
  it("contradictory dates name the field", () => {
    const err = (() => {
      try {
        checkIncidentDates({ occurredOn: "2027-01-05", becameAwareOn: "2027-01-04" }, "2027-02-01");
      } catch (e) {
        return e as DomainError;
      }
    })();
    assert.equal(err?.code, "invalid_input");
    assert.equal((err?.details as { issues: { path: string }[] }).issues[0]?.path, "occurredOn");
    assert.throws(() => checkIncidentDates({ occurredOn: null, becameAwareOn: "2027-03-01" }, "2027-02-01"));
    assert.doesNotThrow(() =>
      checkIncidentDates({ occurredOn: null, becameAwareOn: "2027-02-02" }, "2027-02-01"),
    );
    assert.throws(() => checkIncidentDates({ occurredOn: null, becameAwareOn: "2027-02-03" }, "2027-02-01"));
  });
});
