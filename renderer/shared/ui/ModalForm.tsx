import type { ReactNode } from 'react';

/** A modal form: labelled for screen readers, Escape cancels, Enter submits; the caller owns the state. */
export const ModalForm = ({
  title,
  onSubmit,
  onCancel,
  className,
  children,
}: {
  title: string;
  onSubmit: () => void;
  onCancel: () => void;
  className?: string;
  children: ReactNode;
}) => (
  <div className="dialog-backdrop">
    <form
      className={className ? `dialog ${className}` : 'dialog'}
      role="dialog"
      aria-modal="true"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2>{title}</h2>
      {children}
    </form>
  </div>
);
