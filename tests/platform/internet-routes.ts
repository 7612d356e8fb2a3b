import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  citizenAnswerSchema,
  citizenSubmissionSchema,
  internetAskRequestSchema,
  MAX_ATTACHMENT_BYTES,
  sniffAttachmentType,
} from '../../main/internet/protocol/internet-protocol';
import type { LiveTopic } from '../../main/sync/protocol/sync-protocol';
import { submissionProblems } from '../../main/workorders/domain/data-catalogue';
import { catalogueReference } from '../../main/workorders/domain/intake-validation';
import { loadIntakeReference } from '../../main/workorders/intake-reference-data';
import type { PlatformStore, Session } from './platform-store';

/**
 * Internet requests on the reference platform (tests/platform/internet-desk.ts holds them):
 *
 *   GET  /h5/                              the citizen page (?centre=320505&channel=微信)
 *   GET  /v1/public/reference              catalogue, request types, categories, places for the page
 *   POST /v1/public/requests               { centreCode, channel, submission } → { id, token } | 422 { problems }
 *   GET  /v1/public/requests/{id}          (x-citizen-token) → { status, questions }
 *   POST /v1/public/requests/{id}/answers  (x-citizen-token) { questionId, text }
 *   GET  /v1/internet/items                a console's queue and 一次成功率 figures
 *   POST /v1/internet/items/{id}/take      exclusive: 409 with who has it
 *   POST /v1/internet/items/{id}/questions { text }
 *   POST /v1/internet/items/{id}/callbacks  a phone call-back, recorded → { at, contactNumber }
 *
 * The platform runs the same completeness check as the page and the console: a request the page
 * would refuse is refused here too (a page is only a convenience; anyone can POST).
 */
export type Reply = { status: number; body: unknown; type?: string; headers?: Record<string, string> };

const here = (name: string) => fileURLToPath(new URL(`./h5/${name}`, import.meta.url));
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

let pageScript: Promise<string> | null = null;
const bundledPageScript = (): Promise<string> =>
  (pageScript ??= build({
    entryPoints: [here('citizen-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text));

let reference: ReturnType<typeof loadIntakeReference> | null = null;
const intakeReference = () => (reference ??= loadIntakeReference());
const checkReference = () => {
  const loaded = intakeReference();
  return catalogueReference({ config: loaded.config, categories: loaded.categoryByCode, regionCodes: loaded.regionCodes });
};

const ITEM = /^\/v1\/internet\/items\/([0-9a-f-]{36})\/(take|questions|callbacks)$/;
const REQUEST = /^\/v1\/public\/requests\/([0-9a-f-]{36})(\/answers)?$/;

export const isInternetPath = (pathname: string): boolean =>
  pathname === '/h5' || pathname.startsWith('/h5/') || pathname.startsWith('/v1/public/') || pathname.startsWith('/v1/internet/');

export const internetRoute = async (
  store: PlatformStore,
  request: { method: string; url: URL; body: unknown; session: Session | null; citizenToken: string | null },
  announce: (centre: string, topics: readonly LiveTopic[]) => void,
): Promise<Reply> => {
  const { method, url, body, session } = request;
  const path = url.pathname;
  if (method === 'GET' && (path === '/h5' || path === '/h5/'))
    return {
      status: 200,
      body: readFileSync(here('citizen-page.html'), 'utf8'),
      type: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': PAGE_CSP },
    };
  if (method === 'GET' && path === '/h5/app.js')
    return { status: 200, body: await bundledPageScript(), type: 'text/javascript; charset=utf-8' };
  if (method === 'GET' && path === '/h5/page.css')
    return { status: 200, body: readFileSync(here('page.css'), 'utf8'), type: 'text/css; charset=utf-8' };
  if (method === 'GET' && path === '/v1/public/reference') {
    const loaded = intakeReference();
    return {
      status: 200,
      body: {
        catalogue: store.catalogue(),
        requestTypes: loaded.config.requestTypes,
        categories: loaded.categories
          .filter((category) => category.level === 3)
          .map((category) => ({ code: category.code, name: category.name, path: category.path, required: category.required })),
        regions: loaded.regions
          .filter((region) => region.level === 2)
          .map((region) => ({ code: region.code, path: region.path })),
      },
    };
  }
  if (method === 'POST' && path === '/v1/public/requests') {
    const parsed = citizenSubmissionSchema.safeParse(body);
    if (!parsed.success) return { status: 400, body: { error: '提交的内容无法识别', code: 'INVALID' } };
    const problems = submissionProblems(parsed.data.submission, store.catalogue(), checkReference());
    if (problems.length > 0) return { status: 422, body: { error: '诉求不完整', code: 'INCOMPLETE', problems } };
    const attachments = [];
    for (const attachment of parsed.data.attachments) {
      const data = Buffer.from(attachment.dataBase64, 'base64');
      const type = sniffAttachmentType(data);
      if (data.length === 0 || data.length > MAX_ATTACHMENT_BYTES)
        return { status: 400, body: { error: `附件“${attachment.name}”超过 2 MB 或为空`, code: 'INVALID' } };
      if (!type) return { status: 400, body: { error: `附件“${attachment.name}”不是 JPEG、PNG 或 PDF`, code: 'INVALID' } };
      attachments.push({ name: attachment.name, type, data });
    }
    const created = store.internet.submit(parsed.data.centreCode, parsed.data.channel, parsed.data.submission, attachments);
    announce(parsed.data.centreCode, ['internet_items']);
    return { status: 201, body: created };
  }
  const citizen = REQUEST.exec(path);
  if (citizen) {
    const [, id, answers] = citizen;
    const token = request.citizenToken ?? '';
    if (method === 'GET' && !answers) {
      const view = store.internet.citizenView(id!, token);
      return view ? { status: 200, body: view } : { status: 404, body: { error: '没有找到这条诉求', code: 'NOT_FOUND' } };
    }
    if (method === 'POST' && answers) {
      const parsed = citizenAnswerSchema.safeParse(body);
      if (!parsed.success) return { status: 400, body: { error: '请填写回复内容', code: 'INVALID' } };
      const outcome = store.internet.answer(id!, token, parsed.data.questionId, parsed.data.text);
      if (outcome === 'not-found') return { status: 404, body: { error: '没有找到这个问题', code: 'NOT_FOUND' } };
      if (outcome === 'already') return { status: 409, body: { error: '这个问题已经回复过了', code: 'ALREADY' } };
      const centre = store.internet.centreOf(id!);
      if (centre) announce(centre, ['internet_items']);
      return { status: 200, body: { answered: true } };
    }
  }

  if (!path.startsWith('/v1/internet/')) return { status: 404, body: { error: 'not found', code: 'NOT_FOUND' } };
  if (!session) return { status: 401, body: { error: 'not signed in', code: 'UNAUTHORIZED' } };
  if (session.role === 'department') return { status: 403, body: { error: 'not a console account', code: 'FORBIDDEN' } };
  if (method === 'GET' && path === '/v1/internet/items')
    return {
      status: 200,
      body: {
        platformId: store.platformId,
        items: store.internet.queue(session.centreCode, session.agentId),
        figures: store.internet.figures(session.centreCode, session.agentId),
      },
    };
  const item = ITEM.exec(path);
  if (method === 'POST' && item) {
    const [, id, action] = item;
    if (action === 'take') {
      const taken = store.internet.take(id!, session.centreCode, session.agentId);
      if (taken.kind === 'not-found') return { status: 404, body: { error: '没有找到这条网络诉求', code: 'NOT_FOUND' } };
      if (taken.kind === 'busy')
        return { status: 409, body: { error: `已由坐席 ${taken.takenBy} 受理`, code: 'TAKEN', takenBy: taken.takenBy } };
      announce(session.centreCode, ['internet_items']);
      return { status: 200, body: { platformId: store.platformId, item: taken.item } };
    }
    if (action === 'callbacks') {
      const phoned = store.internet.callBack(id!, session.agentId);
      if (phoned.kind === 'not-yours') return { status: 409, body: { error: '这条网络诉求不在您名下', code: 'NOT_YOURS' } };
      return { status: 200, body: { platformId: store.platformId, at: phoned.at, contactNumber: phoned.contactNumber } };
    }
    const parsed = internetAskRequestSchema.safeParse(body);
    if (!parsed.success) return { status: 400, body: { error: '问题至少 2 个字、最多 500 字', code: 'INVALID' } };
    const asked = store.internet.ask(id!, session.agentId, parsed.data.text);
    if (asked.kind === 'not-yours') return { status: 409, body: { error: '这条网络诉求不在您名下', code: 'NOT_YOURS' } };
    return { status: 200, body: { platformId: store.platformId, question: asked.question } };
  }
  return { status: 404, body: { error: 'not found', code: 'NOT_FOUND' } };
};
