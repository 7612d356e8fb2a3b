import { t } from '../../../shared/i18n/t';
import { withShortcut } from '../../../shared/keyboard/shortcut';
import { useNow } from '../../../shared/use-now';
import { helpChip } from '../domain/help-status';
import { helpDialogClosed, helpDialogOpened, helpNoteChanged, helpSent, useHelpStore } from '../help-store';

/**
 * 求助: one button in the bar (and a shortcut), a short optional note, then a chip saying where the
 * request stands. A popover, not a modal: the call controls stay usable while the agent types.
 */
export const HelpButton = ({
  shortcut,
  currentCall,
}: {
  shortcut: string | undefined;
  currentCall: { id: string; inProgress: boolean } | null;
}) => {
  const latest = useHelpStore((state) => state.latest);
  const open = useHelpStore((state) => state.dialogOpen);
  const note = useHelpStore((state) => state.note);
  const sending = useHelpStore((state) => state.sending);
  const error = useHelpStore((state) => state.error);
  const now = useNow(5000, latest?.status === 'resolved');
  const chip = helpChip(latest, now);
  return (
    <div className="help-raise">
      <button
        type="button"
        className="help-raise__button"
        aria-expanded={open}
        onClick={() => (open ? helpDialogClosed() : helpDialogOpened())}
        title={withShortcut(t('help.raise'), shortcut)}
      >
        {t('help.raise')}
      </button>
      {chip ? (
        <span className={`badge help-raise__chip help-raise__chip--${chip}`} role="status" data-testid="help-status">
          {t(`help.chip.${chip}`)}
        </span>
      ) : null}
      {open ? (
        <form
          className="help-raise__form"
          aria-label={t('help.form')}
          onSubmit={(event) => {
            event.preventDefault();
            void helpSent(currentCall);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') helpDialogClosed();
          }}
        >
          <label>
            {t('help.note')}
            <input
              // The popover opens for typing: focus goes straight to the note, Enter sends.
              autoFocus
              value={note}
              placeholder={t('help.note.placeholder')}
              onChange={(event) => helpNoteChanged(event.target.value)}
            />
          </label>
          <span className="help-raise__call">{currentCall ? t('help.withCall') : t('help.withoutCall')}</span>
          <button type="submit" disabled={sending}>
            {t('help.send')}
          </button>
          <button type="button" onClick={helpDialogClosed}>
            {t('help.cancel')}
          </button>
          {error ? (
            <span className="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
};
