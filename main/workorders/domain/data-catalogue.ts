import { normalizePhoneNumber } from '../../callers/domain/phone-number';

/**
 * The data catalogue (数据目录): the items a request carries, whether each is required (always, by
 * the category, unless anonymous), its format and its messages — data, versioned, one for every
 * channel. `submissionProblems` is the one function that decides what is missing: the intake form,
 * the citizen page (bundled into it) and the platform's acceptance of internet requests call it.
 * Pure and import-light on purpose: it runs in a phone's browser too.
 */
export const SUBMISSION_KEYS = [
  'requestType',
  'categoryCode',
  'regionCode',
  'address',
  'contactName',
  'contactNumber',
  'title',
  'content',
] as const;
export type SubmissionKey = (typeof SUBMISSION_KEYS)[number];
export type Submission = Readonly<Record<SubmissionKey, string>> & { readonly anonymous?: boolean };

export interface CatalogueItem {
  readonly key: SubmissionKey;
  readonly name: string;
  readonly required: 'always' | 'by-category' | 'unless-anonymous';
  readonly format?: 'phone';
  readonly minLength?: number;
  readonly maxLength: number;
  readonly messages: {
    readonly missing: string;
    readonly unknown?: string;
    readonly notLeaf?: string;
    readonly format?: string;
    readonly tooShort?: string;
  };
}

export interface DataCatalogue {
  readonly version: number;
  readonly items: readonly CatalogueItem[];
}

/** What the check needs to know of the reference data: which values exist, what a category requires. */
export interface CatalogueReference {
  readonly requestTypes: readonly string[];
  readonly category: (
    code: string,
  ) => { readonly name: string; readonly leaf: boolean; readonly required: readonly string[] } | null;
  readonly regionExists: (code: string) => boolean;
}

export interface SubmissionProblem {
  readonly key: SubmissionKey;
  readonly name: string;
  readonly message: string;
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

export const submissionProblems = (
  submission: Submission,
  catalogue: DataCatalogue,
  reference: CatalogueReference,
): SubmissionProblem[] => {
  const problems: SubmissionProblem[] = [];
  const category = submission.categoryCode.trim() ? reference.category(submission.categoryCode.trim()) : null;
  const context = { category: category?.name ?? '' };
  for (const item of catalogue.items) {
    const value = (submission[item.key] ?? '').trim();
    const add = (message: string | undefined): void => {
      if (message) problems.push({ key: item.key, name: item.name, message: fill(message, { ...context, value }) });
    };
    if (value === '') {
      // An anonymous citizen leaves neither name nor number, whatever the category asks.
      const exempt = submission.anonymous === true && (item.key === 'contactName' || item.key === 'contactNumber');
      const required =
        !exempt &&
        (item.required === 'always' ||
          (item.required === 'unless-anonymous' && !submission.anonymous) ||
          (item.required === 'by-category' && (category?.required.includes(item.key) ?? false)));
      if (required) add(item.messages.missing);
      continue;
    }
    if (value.length > item.maxLength) {
      add(`${item.name}最多 ${item.maxLength} 个字`);
      continue;
    }
    if (item.minLength !== undefined && value.length < item.minLength) add(item.messages.tooShort);
    else if (item.key === 'requestType' && !reference.requestTypes.includes(value)) add(item.messages.unknown);
    else if (item.key === 'categoryCode') {
      if (!category) add(item.messages.unknown);
      else if (!category.leaf) add(item.messages.notLeaf);
    } else if (item.key === 'regionCode' && !reference.regionExists(value)) add(item.messages.unknown);
    else if (item.format === 'phone' && normalizePhoneNumber(value).key === null) add(item.messages.format);
  }
  return problems;
};
