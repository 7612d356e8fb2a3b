import { useState } from 'react';
import type { InternetItemView } from '../../../../preload/contract';
import { t } from '../../../shared/i18n/t';
import { shortDateTime } from '../../../shared/format-time';
import { citizenAsked, citizenCalledBack, internetItemTaken, internetItemToggled, useInternetStore } from '../internet-store';
import { fileSize, firstTimeRate, waitingLabel } from '../domain/waiting-time';

const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

const AskBox = ({ item }: { item: InternetItemView }) => {
  const [text, setText] = useState('');
  const busy = useInternetStore((state) => state.busy);
  return (
    <form
      className="internet-ask"
      aria-label={t('internet.ask.label', { title: item.title })}
      onSubmit={(event) => {
        event.preventDefault();
        void citizenAsked(item.id, text).then((sent) => sent && setText(''));
      }}
    >
      <label>
        {t('internet.ask')}
        <input
          value={text}
          maxLength={500}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('internet.ask.placeholder')}
        />
      </label>
      <button type="submit" disabled={busy || text.trim().length < 2}>
        {t('internet.ask.send')}
      </button>
    </form>
  );
};

const Item = ({ item, now }: { item: InternetItemView; now: Date }) => {
  const open = useInternetStore((state) => state.openItem === item.id);
  const busy = useInternetStore((state) => state.busy);
  return (
    <li className={`internet-item internet-item--${item.status}`} data-testid="internet-item">
      <div className="internet-item__head">
        <span className="tag">{item.channel}</span>
        <span className="internet-item__title">{item.title}</span>
      </div>
      <div className="internet-item__meta">
        <span>{t('internet.received', { time: shortDateTime(item.receivedAt) })}</span>
        <span>{t('internet.waiting', { time: waitingLabel(item.receivedAt, now) })}</span>
        <span className="internet-item__status">{t(`internet.status.${item.status}`)}</span>
      </div>
      {item.attachments.length > 0 ? (
        <ul className="internet-item__files" aria-label={t('internet.attachments')}>
          {item.attachments.map((file) => (
            <li key={file.id}>{t('internet.attachment', { name: file.name, size: fileSize(file.size) })}</li>
          ))}
        </ul>
      ) : null}
      {item.missing.length > 0 ? (
        <p className="internet-item__missing">
          {t('internet.missing', { items: item.missing.map((problem) => problem.message).join('；') })}
        </p>
      ) : null}
      {item.mine ? (
        <div className="internet-item__actions">
          <button type="button" onClick={() => void internetItemTaken(item.id)} disabled={busy}>
            {t('internet.open')}
          </button>
          <button type="button" aria-expanded={open} onClick={() => internetItemToggled(item.id)}>
            {t('internet.questions', { count: item.questions.length })}
          </button>
          <button type="button" onClick={() => void citizenCalledBack(item.id)} disabled={busy}>
            {t('internet.callBack')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => void internetItemTaken(item.id)}
          disabled={busy}
          aria-label={t('internet.take.label', { title: item.title })}
        >
          {t('internet.take')}
        </button>
      )}
      {item.mine && open ? (
        <div className="internet-item__dialogue">
          <ol aria-label={t('internet.dialogue')}>
            {item.questions.map((question) => (
              <li key={question.id}>
                <p>{t('internet.question', { text: question.text })}</p>
                <p className={question.answer === null ? 'hint' : 'internet-answer'}>
                  {question.answer === null ? t('internet.noAnswer') : t('internet.answer', { text: question.answer })}
                </p>
              </li>
            ))}
          </ol>
          <AskBox item={item} />
        </div>
      ) : null}
    </li>
  );
};

/** 网络诉求: requests from the web, WeChat and apps, worked between calls; a call always rings first. */
export const InternetQueue = () => {
  const queue = useInternetStore((state) => state.queue);
  const notice = useInternetStore((state) => state.notice);
  const items = queue?.items ?? [];
  const now = new Date();
  const figures = queue?.figures;
  return (
    <section className="panel internet-queue" aria-label={t('internet.region')}>
      <h2 className="panel__title">{t('internet.title', { count: items.length })}</h2>
      {figures ? (
        <p className="internet-figures" data-testid="internet-figures">
          {t('internet.figures', {
            mine: percent(firstTimeRate(figures.agent)),
            centre: percent(firstTimeRate(figures.centre)),
            asked: figures.agent.questionsSent,
            avoided: figures.agent.callbacksAvoided,
            phoned: figures.agent.callbacksMade,
          })}
        </p>
      ) : null}
      {notice ? (
        <p className={notice.kind === 'error' ? 'notice--error' : 'hint'} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      {queue?.state === 'signed-out' ? <p className="hint">{t('internet.signedOut')}</p> : null}
      {queue?.state === 'offline' ? (
        <p className="notice--error">{t('internet.offline', { reason: queue.error ?? '' })}</p>
      ) : null}
      {queue?.state === 'ok' && items.length === 0 ? <p className="hint">{t('internet.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="internet-list" aria-label={t('internet.list')}>
          {items.map((item) => (
            <Item key={item.id} item={item} now={now} />
          ))}
        </ul>
      ) : null}
    </section>
  );
};
