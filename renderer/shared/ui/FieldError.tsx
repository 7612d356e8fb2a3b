/** A field's own message, announced to screen readers; nothing when the field is fine. */
export const FieldError = ({ message, id }: { message: string | undefined; id?: string }) =>
  message ? (
    <p className="field__error" id={id} role="alert">
      {message}
    </p>
  ) : null;
