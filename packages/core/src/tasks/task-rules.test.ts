import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "../access/actor";
import type { Permission } from "../access/permissions";
import { allows } from "../access/policy";
import { builtinRolePermissions, builtinRoles, type BuiltinRole } from "../access/roles";
import { DomainError } from "../shared/domain-error";
import { CreateTaskInput, TaskDueDate, UpdateTaskInput } from "../schemas/tasks";
import { decideUpdateTask, requiredTaskActions, type TaskState } from "./task";
import { taskPolicy, type TaskAction } from "./task-policy";
import { canTransitionTask, isTaskOverdue, taskStatuses, utcDay, type TaskStatus } from "./vocabulary";

const ORG = "00000000-0000-4000-8000-00000000000a";
const SELF = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";
const ASSIGNEE = "00000000-0000-4000-8000-000000000003";

describe("task status machine", () => {
  // written out by hand: from → the statuses it may move to
  const allowed: Record<TaskStatus, TaskStatus[]> = {
    open: ["in_progress", "done", "cancelled"],
    in_progress: ["open", "done", "cancelled"],
    done: ["open"],
    cancelled: ["open"],
  };
  for (const from of taskStatuses) {
    for (const to of taskStatuses) {
      if (from === to) continue;
      const ok = allowed[from].includes(to);
      it(`${from} → ${to}: ${ok ? "allowed" : "refused"}`, () => {
        assert.equal(canTransitionTask(from, to), ok);
        const state = task({ status: from });
        if (ok) {
          const d = decideUpdateTask(state, {}, to, 1)!;
          assert.equal(d.status?.to, to);
          assert.equal(d.status?.completed, to === "done" || to === "cancelled");
          assert.deepEqual(
            d.events.map((e) => [e.type, e.payload.from, e.payload.to]),
            [["task.status_changed", from, to]],
          );
        } else {
          assert.throws(
            () => decideUpdateTask(state, {}, to, 1),
            (e: unknown) => e instanceof DomainError && e.code === "invalid_state",
          );
        }
      });
    }
  }

  it("moving to the status it already has changes nothing", () => {
    assert.equal(decideUpdateTask(task({ status: "done" }), {}, "done", 1), null);
  });

  it("refuses a stale version before anything else", () => {
    assert.throws(
      () => decideUpdateTask(task({ version: 3 }), { title: "x" }, undefined, 2),
      (e: unknown) => e instanceof DomainError && e.code === "conflict",
    );
  });

  it("records only the fields that differ, and the status move as its own event", () => {
    const d = decideUpdateTask(
      task({ title: "Old", dueDate: "2026-01-01" }),
      { title: "New", dueDate: "2026-01-01", subject: null },
      "in_progress",
      1,
    )!;
    assert.deepEqual(d.changes, { title: "New" });
    assert.deepEqual(
      d.events.map((e) => e.type),
      ["task.updated", "task.status_changed"],
    );
    assert.deepEqual(d.events[0]!.payload.diff, { title: ["Old", "New"] });
  });
});

describe("what an update needs the policy to allow", () => {
  const cases: [string, Parameters<typeof requiredTaskActions>[1], TaskStatus | undefined, TaskAction[]][] = [
    ["nothing", {}, undefined, []],
    ["same values", { title: "T", assigneeId: null }, "open", []],
    ["a field", { description: "more" }, undefined, ["update"]],
    ["the assignee", { assigneeId: ASSIGNEE }, undefined, ["assign"]],
    ["the status", {}, "done", ["changeStatus"]],
    ["cancelling", {}, "cancelled", ["cancel"]],
    ["all of it", { title: "U", assigneeId: ASSIGNEE }, "in_progress", ["update", "assign", "changeStatus"]],
  ];
  for (const [what, changes, status, expected] of cases) {
    it(`${what} → ${expected.join(", ") || "nothing"}`, () => {
      assert.deepEqual(requiredTaskActions(task({ title: "T" }), changes, status), expected);
    });
  }
  it("a subject compares by type and id", () => {
    const t = task({ subject: { type: "document", id: "d1" } });
    assert.deepEqual(requiredTaskActions(t, { subject: { type: "document", id: "d1" } }, undefined), []);
    assert.deepEqual(requiredTaskActions(t, { subject: { type: "document", id: "d2" } }, undefined), [
      "update",
    ]);
  });
});

describe("task policy", () => {
  /** role × action × whose task → allowed, written out by hand */
  type Whose = "mine" | "others" | "unassigned";
  const writers: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];
  const expected: Record<TaskAction, Record<Whose, BuiltinRole[]>> = {
    read: { mine: [...builtinRoles], others: [...builtinRoles], unassigned: [...builtinRoles] },
    create: { mine: writers, others: writers, unassigned: writers },
    update: { mine: writers, others: writers, unassigned: writers },
    assign: { mine: writers, others: writers, unassigned: writers },
    changeStatus: { mine: [...builtinRoles], others: writers, unassigned: writers },
    cancel: { mine: writers, others: writers, unassigned: writers },
    generate: { mine: writers, others: writers, unassigned: writers },
  };
  const assignees: Record<Whose, string | null> = { mine: SELF, others: OTHER, unassigned: null };
  for (const action of Object.keys(expected) as TaskAction[]) {
    for (const whose of ["mine", "others", "unassigned"] as Whose[]) {
      for (const status of ["open", "done"] as TaskStatus[]) {
        it(`${action} on ${whose} ${status} task: ${expected[action][whose].join(", ")}`, () => {
          for (const role of builtinRoles) {
            const got = allows(actorOf(builtinRolePermissions[role]), taskPolicy, action, {
              assigneeId: assignees[whose],
              status,
            });
            assert.equal(got, expected[action][whose].includes(role), `${role} ${action} ${whose}`);
          }
        });
      }
    }
  }
  it("an assignee without aims.read cannot move their task", () => {
    const actor = actorOf(["org.read"]);
    assert.equal(allows(actor, taskPolicy, "changeStatus", { assigneeId: SELF, status: "open" }), false);
  });
});

describe("overdue and dates", () => {
  it("is overdue only when active and due before today", () => {
    const today = utcDay(new Date("2026-05-10T23:30:00Z"));
    assert.equal(today, "2026-05-10");
    assert.equal(isTaskOverdue({ status: "open", dueDate: "2026-05-09" }, today), true);
    assert.equal(isTaskOverdue({ status: "in_progress", dueDate: "2026-05-09" }, today), true);
    assert.equal(isTaskOverdue({ status: "open", dueDate: "2026-05-10" }, today), false);
    assert.equal(isTaskOverdue({ status: "done", dueDate: "2026-05-01" }, today), false);
    assert.equal(isTaskOverdue({ status: "cancelled", dueDate: "2026-05-01" }, today), false);
    assert.equal(isTaskOverdue({ status: "open", dueDate: null }, today), false);
  });

  it("accepts calendar dates only", () => {
    assert.equal(TaskDueDate.safeParse("2026-02-28").success, true);
    assert.equal(TaskDueDate.safeParse("2028-02-29").success, true);
    assert.equal(TaskDueDate.safeParse("2026-02-30").success, false);
    assert.equal(TaskDueDate.safeParse("2026-2-3").success, false);
    assert.equal(TaskDueDate.safeParse("2026-02-03T00:00:00Z").success, false);
  });

  it("create input defaults and refuses unknown fields; update needs a version", () => {
    const parsed = CreateTaskInput.parse({ title: "  Check A.6.2.4  " });
    assert.deepEqual(parsed, {
      title: "Check A.6.2.4",
      description: "",
      assigneeId: null,
      dueDate: null,
      priority: null,
      subject: null,
    });
    assert.equal(CreateTaskInput.safeParse({ title: "x", status: "done" }).success, false);
    assert.equal(UpdateTaskInput.safeParse({ status: "done" }).success, false);
    assert.equal(UpdateTaskInput.safeParse({ status: "done", version: 1 }).success, true);
  });
});

function actorOf(permissions: readonly Permission[]): Actor {
  return {
    kind: "user",
    userId: SELF,
    orgId: ORG,
    membershipId: "m",
    role: null,
    customRoleId: null,
    permissions: new Set(permissions),
    tokenId: null,
    isInstanceAdmin: false,
  };
}

function task(over: Partial<TaskState> = {}): TaskState {
  return {
    id: "t1",
    orgId: ORG,
    title: "A task",
    description: "",
    assigneeId: null,
    dueDate: null,
    priority: null,
    subject: null,
    status: "open",
    origin: "manual",
    originKey: null,
    version: 1,
    ...over,
  };
}
