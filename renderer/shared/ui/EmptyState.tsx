export const EmptyState = ({ title, body }: { title: string; body: string }) => (
  <div className="empty-state">
    <p className="empty-state__title">{title}</p>
    <p className="empty-state__body">{body}</p>
  </div>
);
