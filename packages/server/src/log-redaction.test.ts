import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { redactUrlSecrets } from "./log-redaction";

describe("request log redaction", () => {
  it("hides the invitation token in the preview path", () => {
    assert.equal(redactUrlSecrets("/api/v1/invitations/oai_abcdef123"), "/api/v1/invitations/[redacted]");
    assert.equal(redactUrlSecrets("/api/v1/invitations/oai_abc?x=1"), "/api/v1/invitations/[redacted]?x=1");
  });
  it("keeps the accept endpoint readable", () => {
    assert.equal(redactUrlSecrets("/api/v1/invitations/accept"), "/api/v1/invitations/accept");
  });
  it("hides token query parameters, such as the web accept link", () => {
    assert.equal(
      redactUrlSecrets("/invitations/accept?token=oai_secret&x=1"),
      "/invitations/accept?token=[redacted]&x=1",
    );
  });
  it("leaves other URLs alone", () => {
    assert.equal(redactUrlSecrets("/api/v1/orgs/abc/members?q=x"), "/api/v1/orgs/abc/members?q=x");
  });
});
