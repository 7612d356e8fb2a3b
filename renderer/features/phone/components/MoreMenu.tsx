import { useEffect, useRef, useState } from 'react';
import { t } from '../../../shared/i18n/t';
import { Icon } from '../../../shared/ui/icons';
import { callHistoryOpened } from '../phone-controller';
import { phonePanelOpened, preferencesToggled, trainingDialogToggled, usePhoneStore } from '../phone-store';

/** What an agent needs now and then, not on every call: kept out of the bar so the call controls always fit. */
export const MoreMenu = () => {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panel = usePhoneStore((state) => state.panel);
  const hasPreferences = usePhoneStore((state) => state.preferences !== null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className="menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="more" />
        {t('phone.more')}
      </button>
      {open ? (
        <div className="menu__list" role="menu" aria-label={t('phone.more')}>
          <button
            type="button"
            role="menuitem"
            autoFocus
            onClick={choose(() => (panel === 'history' ? phonePanelOpened('none') : void callHistoryOpened()))}
          >
            {t('phone.history.title')}
          </button>
          <button
            type="button"
            role="menuitem"
            title={t('phone.training.hint')}
            onClick={choose(() => trainingDialogToggled(true))}
          >
            {t('phone.training.open')}
          </button>
          <button type="button" role="menuitem" disabled={!hasPreferences} onClick={choose(() => preferencesToggled(true))}>
            {t('phone.prefs.open')}
          </button>
        </div>
      ) : null}
    </div>
  );
};
