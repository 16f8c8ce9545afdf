import { randomUUID } from "node:crypto";
import {
  authorize,
  CreateDocumentFromTemplateInput,
  CreateDocumentInput,
  decideCreateDocument,
  documentPolicy,
  findDocumentTemplate,
  invalidInput,
  type Actor,
  type DocumentKind,
  type DocumentView,
  type LinkTarget,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { replaceLinks } from "../shared/links";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import { loadDocumentView } from "./document-records";

interface NewDocument {
  title: string;
  kind: DocumentKind;
  ownerId: string | null;
  reviewIntervalMonths: number;
  templateKey: string | null;
  body: string;
  changeSummary: string;
  links: LinkTarget[];
}

/** A new document with version 1 as a draft written by the caller; the owner defaults to the caller. */
export async function createDocument(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateDocumentInput,
): Promise<DocumentView> {
  authorize(actor, documentPolicy, "create", {});
  const fields = parseInput(CreateDocumentInput, input);
  return insertDocument(ctx, actor, meta, {
    ...fields,
    ownerId: fields.ownerId === undefined ? actor.userId : fields.ownerId,
    templateKey: null,
  });
}

/** A draft document from a starter template: its text, kind, review interval and suggested links. */
export async function createDocumentFromTemplate(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateDocumentFromTemplateInput,
): Promise<DocumentView> {
  authorize(actor, documentPolicy, "create", {});
  const fields = parseInput(CreateDocumentFromTemplateInput, input);
  const template = findDocumentTemplate(fields.templateKey);
  if (!template)
    throw invalidInput(`There is no template "${fields.templateKey}".`, {
      issues: [{ path: "templateKey", message: "is not a known template (see GET …/document-templates)" }],
    });
  return insertDocument(ctx, actor, meta, {
    title: fields.title ?? template.title,
    kind: template.kind,
    ownerId: fields.ownerId === undefined ? actor.userId : fields.ownerId,
    reviewIntervalMonths: template.reviewIntervalMonths,
    templateKey: template.key,
    body: template.body,
    changeSummary: `Created from the "${template.title}" template`,
    links: template.links.map((id) => ({ type: "framework_node" as const, id })),
  });
}

async function insertDocument(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  doc: NewDocument,
): Promise<DocumentView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    if (doc.ownerId) await activeOwnerName(tx, actor.orgId, doc.ownerId);
    const id = randomUUID();
    const now = ctx.now();
    const [row] = await tx
      .insert(tables.documents)
      .values({
        id,
        orgId: actor.orgId,
        title: doc.title,
        kind: doc.kind,
        ownerId: doc.ownerId,
        templateKey: doc.templateKey,
        reviewIntervalMonths: doc.reviewIntervalMonths,
        status: "draft",
        latestVersion: 1,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(tables.documentVersions).values({
      orgId: actor.orgId,
      documentId: id,
      number: 1,
      status: "draft",
      body: doc.body,
      changeSummary: doc.changeSummary,
      authorId: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const links = await replaceLinks(tx, actor.orgId, { type: "document", id }, doc.links, actor.userId);
    const event = decideCreateDocument(id, { ...doc });
    event.payload.links = links.added;
    return { result: await loadDocumentView(tx, actor, row!, now), events: [event] };
  });
}
