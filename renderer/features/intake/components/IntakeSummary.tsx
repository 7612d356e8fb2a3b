import { t } from '../../../shared/i18n/t';
import { shortDateTime } from '../../../shared/format-time';
import { duplicateChosen, useIntakeStore } from '../intake-store';

const FIELD_LABEL: Readonly<Record<string, string>> = {
  channel: '受理渠道',
  requestType: '诉求类型',
  categoryCode: '诉求分类',
  regionCode: '发生地点',
  address: '详细地址',
  title: '标题',
  content: '诉求内容',
  urgency: '紧急程度',
  callerName: '来电人',
  contactNumber: '联系电话',
  callbackWanted: '回访',
  reply: '答复内容',
  leadDepartment: '主办部门',
  enterpriseName: '企业名称',
  creditCode: '统一社会信用代码',
  enterpriseMode: '一企来办理方式',
  coDepartments: '协办部门',
  centreCode: '中心代码',
};

const DUPLICATE_REASON = {
  'same-caller': 'intake.duplicate.sameCaller',
  'same-enterprise': 'intake.duplicate.sameEnterprise',
  'same-place-and-category': 'intake.duplicate.samePlace',
} as const;

/** Deadline, what is still missing and possible duplicates: everything the agent checks before submitting. */
export const IntakeSummary = () => {
  const preview = useIntakeStore((state) => state.preview);
  const duplicateOf = useIntakeStore((state) => state.duplicateOf);
  if (!preview) return null;
  return (
    <div className="intake-summary">
      <p className="intake-deadline" data-testid="intake-deadline">
        {preview.deadline
          ? t('intake.deadline', { at: shortDateTime(preview.deadline.deadlineAt), basis: preview.deadline.basis })
          : t('intake.deadline.pending')}
        {preview.deadline && !preview.deadline.calendarKnown ? (
          <span className="notice--error"> {t('intake.deadline.noCalendar')}</span>
        ) : null}
      </p>
      {preview.enterpriseClocks.length > 0 ? (
        <ul className="intake-clocks" aria-label={t('intake.enterpriseClocks')} data-testid="intake-enterprise-clocks">
          {/* The close clock is the deadline line above; the other two fit on one line. */}
          {preview.enterpriseClocks
            .filter((clock) => clock.kind !== 'close')
            .map((clock) => (
              <li key={clock.kind}>{t(`intake.clock.${clock.kind}`, { at: shortDateTime(clock.dueAt), basis: clock.basis })}</li>
            ))}
        </ul>
      ) : null}
      {preview.missing.length > 0 ? (
        <section aria-label={t('intake.missing')} className="intake-missing" data-testid="intake-checklist">
          <h3>{t('intake.missing')}</h3>
          <ul>
            {preview.missing.map((problem) => (
              <li key={problem.field + problem.message}>
                <strong>{FIELD_LABEL[problem.field] ?? problem.field}</strong>：{problem.message}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="intake-complete" data-testid="intake-checklist">
          {t('intake.complete')}
        </p>
      )}
      {preview.duplicates.length > 0 ? (
        <section aria-label={t('intake.duplicates')} className="intake-duplicates">
          <h3>{t('intake.duplicates')}</h3>
          <ul>
            {preview.duplicates.map((candidate) => (
              <li key={candidate.id}>
                <span>
                  {candidate.number} {candidate.title}（{t(DUPLICATE_REASON[candidate.reason])}）
                </span>
                {duplicateOf?.id === candidate.id ? (
                  <button type="button" onClick={() => duplicateChosen(null)}>
                    {t('intake.duplicate.unlink')}
                  </button>
                ) : (
                  <button type="button" onClick={() => duplicateChosen(candidate)}>
                    {t('intake.duplicate.link')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
};
