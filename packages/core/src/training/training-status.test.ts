import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { betterTrainingStatus, latestExpiry, trainingExpiry, trainingRecordStatus } from "./training-status";

describe("training expiry", () => {
  it("adds whole calendar months to the completion day", () => {
    assert.equal(trainingExpiry("2026-03-15", 12), "2027-03-15");
    assert.equal(trainingExpiry("2026-03-15", 1), "2026-04-15");
    assert.equal(trainingExpiry("2026-11-30", 3), "2027-02-28");
  });

  it("falls back to the last day of a shorter target month", () => {
    assert.equal(trainingExpiry("2026-01-31", 1), "2026-02-28");
    assert.equal(trainingExpiry("2028-01-31", 1), "2028-02-29");
    assert.equal(trainingExpiry("2026-03-31", 1), "2026-04-30");
    assert.equal(trainingExpiry("2026-08-31", 6), "2027-02-28");
  });

  it("moves a leap day to 28 February in a common year and keeps it in a leap year", () => {
    assert.equal(trainingExpiry("2028-02-29", 12), "2029-02-28");
    assert.equal(trainingExpiry("2028-02-29", 48), "2032-02-29");
    assert.equal(trainingExpiry("2027-02-28", 12), "2028-02-28");
  });

  it("crosses year ends in both directions of the calendar", () => {
    assert.equal(trainingExpiry("2026-12-31", 1), "2027-01-31");
    assert.equal(trainingExpiry("2026-10-31", 24), "2028-10-31");
  });

  it("never expires without a validity, and a stated expiry wins over the validity", () => {
    assert.equal(trainingExpiry("2026-01-01", null), null);
    assert.equal(trainingExpiry("2026-01-01", 12, "2026-06-30"), "2026-06-30");
    assert.equal(trainingExpiry("2026-01-01", null, "2026-06-30"), "2026-06-30");
  });
});

describe("training record status", () => {
  it("counts through the expiry day and is expired from the day after", () => {
    assert.equal(trainingRecordStatus("2026-03-01", "2026-03-01"), "expiring_soon");
    assert.equal(trainingRecordStatus("2026-03-01", "2026-03-02"), "expired");
  });

  it("is expiring soon within 30 days of the expiry and current before that", () => {
    assert.equal(trainingRecordStatus("2026-03-31", "2026-03-01"), "expiring_soon");
    assert.equal(trainingRecordStatus("2026-04-01", "2026-03-01"), "current");
    // the 30-day window crosses February in a leap year: 2028-02-15 + 30 days = 2028-03-16
    assert.equal(trainingRecordStatus("2028-03-16", "2028-02-15"), "expiring_soon");
    assert.equal(trainingRecordStatus("2028-03-17", "2028-02-15"), "current");
  });

  it("is current for ever without an expiry", () => {
    assert.equal(trainingRecordStatus(null, "2099-12-31"), "current");
  });

  it("ranks statuses and expiries so the best completion counts", () => {
    assert.equal(betterTrainingStatus("expired", "expiring_soon"), "expiring_soon");
    assert.equal(betterTrainingStatus("current", "expired"), "current");
    assert.equal(betterTrainingStatus("missing", "expired"), "expired");
    assert.equal(latestExpiry("2026-01-01", "2027-01-01"), "2027-01-01");
    assert.equal(latestExpiry("2026-01-01", null), null);
  });
});
