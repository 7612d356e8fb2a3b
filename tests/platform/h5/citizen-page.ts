// The citizen submission page (市民诉求提交, H5, mobile first) of the reference platform. It runs the
// console's own completeness check (main/workorders/domain/data-catalogue.ts, bundled in) before
// sending, so a request arrives complete; then it follows the request and answers the hotline's
// questions. Plain DOM: a page a phone opens from a WeChat menu must be small.
import {
  type CatalogueReference,
  type DataCatalogue,
  SUBMISSION_KEYS,
  type Submission,
  type SubmissionKey,
  submissionProblems,
} from '../../../main/workorders/domain/data-catalogue';

interface PublicReference {
  readonly catalogue: DataCatalogue;
  readonly requestTypes: string[];
  readonly categories: { code: string; path: string; name: string; required: string[] }[];
  readonly regions: { code: string; path: string }[];
}
interface CitizenView {
  readonly status: string;
  readonly questions: { id: string; text: string; askedAt: string; answer: string | null }[];
}

const params = new URLSearchParams(location.search);
const centreCode = params.get('centre') ?? '320505';
const channel = params.get('channel') ?? '网站';
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const LABELS: Record<SubmissionKey, string> = {
  requestType: '诉求类型',
  categoryCode: '诉求分类',
  regionCode: '发生地点',
  address: '详细地址',
  contactName: '联系人',
  contactNumber: '联系电话',
  title: '标题',
  content: '诉求内容',
};
const MAX_FILES = 3;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

const readAttachments = async (input: HTMLInputElement): Promise<{ name: string; dataBase64: string }[] | string> => {
  const files = [...(input.files ?? [])];
  if (files.length > MAX_FILES) return `最多 ${MAX_FILES} 个附件`;
  const tooBig = files.find((file) => file.size > MAX_FILE_BYTES || file.size === 0);
  if (tooBig) return `“${tooBig.name}”超过 2 MB 或为空`;
  return Promise.all(
    files.map(async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let index = 0; index < bytes.length; index += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
      return { name: file.name.slice(0, 100), dataBase64: btoa(binary) };
    }),
  );
};

const CHOICES = new Set<SubmissionKey>(['requestType', 'categoryCode', 'regionCode']);

const option = (value: string, label: string): HTMLOptionElement => {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  return element;
};

const buildForm = (reference: PublicReference): HTMLFormElement => {
  const form = document.createElement('form');
  form.setAttribute('aria-label', '市民诉求');
  form.noValidate = true;
  for (const key of SUBMISSION_KEYS) {
    const field = document.createElement('div');
    field.className = 'field';
    const label = document.createElement('label');
    label.htmlFor = `f-${key}`;
    label.textContent = LABELS[key];
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (CHOICES.has(key)) {
      const select = document.createElement('select');
      select.append(option('', '请选择'));
      if (key === 'requestType') for (const type of reference.requestTypes) select.append(option(type, type));
      if (key === 'categoryCode')
        for (const category of reference.categories) select.append(option(category.code, category.path));
      if (key === 'regionCode') for (const region of reference.regions) select.append(option(region.code, region.path));
      input = select;
    } else if (key === 'content') {
      input = document.createElement('textarea');
      input.rows = 5;
    } else {
      input = document.createElement('input');
      input.type = key === 'contactNumber' ? 'tel' : 'text';
    }
    input.id = `f-${key}`;
    input.name = key;
    const error = document.createElement('p');
    error.className = 'error';
    error.id = `e-${key}`;
    input.setAttribute('aria-describedby', error.id);
    field.append(label, input, error);
    form.append(field);
  }
  const files = document.createElement('div');
  files.className = 'field';
  const filesLabel = document.createElement('label');
  filesLabel.htmlFor = 'f-attachments';
  filesLabel.textContent = `照片或文件（可选，最多 ${MAX_FILES} 个，每个不超过 2 MB）`;
  const filesInput = document.createElement('input');
  filesInput.type = 'file';
  filesInput.id = 'f-attachments';
  filesInput.multiple = true;
  filesInput.accept = 'image/jpeg,image/png,application/pdf';
  const filesError = document.createElement('p');
  filesError.className = 'error';
  filesError.id = 'e-attachments';
  files.append(filesLabel, filesInput, filesError);
  form.append(files);
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.textContent = '提交诉求';
  form.append(submit);
  return form;
};

const valuesOf = (form: HTMLFormElement): Submission => {
  const data = new FormData(form);
  return Object.fromEntries(SUBMISSION_KEYS.map((key) => [key, String(data.get(key) ?? '')])) as unknown as Submission;
};

const referenceFor = (reference: PublicReference): CatalogueReference => {
  const categories = new Map(reference.categories.map((category) => [category.code, category]));
  const regions = new Set(reference.regions.map((region) => region.code));
  return {
    requestTypes: reference.requestTypes,
    category: (code) => {
      const found = categories.get(code);
      return found ? { name: found.name, leaf: true, required: found.required } : null;
    },
    regionExists: (code) => regions.has(code),
  };
};

const showProblems = (problems: readonly { key: SubmissionKey; message: string }[]): void => {
  for (const key of SUBMISSION_KEYS) {
    byId(`e-${key}`).textContent = '';
    byId(`f-${key}`).removeAttribute('aria-invalid');
  }
  for (const problem of problems) {
    byId(`e-${problem.key}`).textContent = problem.message;
    byId(`f-${problem.key}`).setAttribute('aria-invalid', 'true');
  }
  byId('notice').textContent = problems.length > 0 ? `还有 ${problems.length} 项需要补充，请按提示填写后再提交` : '';
};

const follow = (id: string, token: string): void => {
  const view = byId('request');
  view.hidden = false;
  const render = (state: CitizenView): void => {
    byId('request-status').textContent =
      state.status === 'completed' ? '已受理，工单已生成' : state.status === 'asked' ? '热线有问题请您补充' : '热线正在处理';
    const list = byId('questions');
    const open = new Set(
      [...list.querySelectorAll<HTMLElement>('[data-question]')]
        .filter((item) => item.dataset.answered !== 'true')
        .map((item) => item.dataset.question),
    );
    list.replaceChildren(
      ...state.questions.map((question) => {
        const item = document.createElement('li');
        item.dataset.question = question.id;
        item.dataset.answered = String(question.answer !== null);
        const asked = document.createElement('p');
        asked.textContent = `热线：${question.text}`;
        item.append(asked);
        if (question.answer !== null) {
          const answered = document.createElement('p');
          answered.textContent = `您的回复：${question.answer}`;
          item.append(answered);
        } else {
          const previous = open.has(question.id)
            ? list.querySelector<HTMLTextAreaElement>(`[data-answer="${question.id}"]`)
            : null;
          const box = document.createElement('textarea');
          box.dataset.answer = question.id;
          box.setAttribute('aria-label', '回复热线的问题');
          box.value = previous?.value ?? '';
          const send = document.createElement('button');
          send.type = 'button';
          send.textContent = '回复';
          send.addEventListener('click', () => {
            if (box.value.trim() === '') return;
            void fetch(`/v1/public/requests/${id}/answers`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-citizen-token': token },
              body: JSON.stringify({ questionId: question.id, text: box.value.trim() }),
            }).then(() => poll());
          });
          item.append(box, send);
        }
        return item;
      }),
    );
  };
  const poll = async (): Promise<void> => {
    const response = await fetch(`/v1/public/requests/${id}`, { headers: { 'x-citizen-token': token } });
    if (response.ok) render((await response.json()) as CitizenView);
  };
  void poll();
  setInterval(() => {
    // Typing an answer is not interrupted by a refresh that would replace the box.
    if (!(document.activeElement instanceof HTMLTextAreaElement)) void poll();
  }, 1000);
};

const start = async (): Promise<void> => {
  byId('channel').textContent = channel;
  const saved = sessionStorage.getItem('minsheng-request');
  if (saved) {
    const { id, token } = JSON.parse(saved) as { id: string; token: string };
    byId('form-area').hidden = true;
    follow(id, token);
    return;
  }
  const reference = (await (await fetch('/v1/public/reference')).json()) as PublicReference;
  const form = buildForm(reference);
  byId('form-area').append(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const submission = valuesOf(form);
    const problems = submissionProblems(submission, reference.catalogue, referenceFor(reference));
    showProblems(problems);
    if (problems.length > 0) return;
    void (async () => {
      const attachments = await readAttachments(byId<HTMLInputElement>('f-attachments'));
      byId('e-attachments').textContent = typeof attachments === 'string' ? attachments : '';
      if (typeof attachments === 'string') return;
      const response = await fetch('/v1/public/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ centreCode, channel, submission, attachments }),
      });
      const body = (await response.json()) as {
        id?: string;
        token?: string;
        problems?: { key: SubmissionKey; message: string }[];
        error?: string;
      };
      if (!response.ok || !body.id || !body.token) {
        if (body.problems) showProblems(body.problems);
        else byId('notice').textContent = body.error ?? '提交失败，请稍后再试';
        return;
      }
      sessionStorage.setItem('minsheng-request', JSON.stringify({ id: body.id, token: body.token }));
      byId('form-area').hidden = true;
      byId('notice').textContent = '诉求已提交，热线将尽快处理';
      follow(body.id, body.token);
    })();
  });
};

void start();
