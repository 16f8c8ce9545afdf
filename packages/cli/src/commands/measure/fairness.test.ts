import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CliError } from "../../exit-codes";
import { referenceOption } from "./fairness";

describe("--reference", () => {
  it("applies a bare value to the first group and ATTRIBUTE=VALUE to that attribute", () => {
    assert.deepEqual(referenceOption(["Caucasian"], ["race", "sex"]), { race: "Caucasian" });
    assert.deepEqual(referenceOption(["sex=Male", "race=a=b"], ["race", "sex"]), {
      sex: "Male",
      race: "a=b",
    });
    assert.deepEqual(referenceOption(["age_cat=25 - 45"], ["race", "age_cat"]), { age_cat: "25 - 45" });
  });

  it("refuses two references for one attribute (exit 2)", () => {
    assert.throws(
      () => referenceOption(["Caucasian", "race=Hispanic"], ["race"]),
      (e: unknown) => e instanceof CliError && e.exitCode === 2 && /given twice for race/.test(e.message),
    );
  });
});
