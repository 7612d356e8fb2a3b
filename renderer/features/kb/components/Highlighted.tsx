import type { KbHit } from '../../../../preload/contract';

/** Matched parts in <mark>; text is always text, so markup inside an entry can never run. */
export const Highlighted = ({ segments }: { segments: KbHit['title'] }) => (
  <>
    {segments.map((segment, index) =>
      segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
    )}
  </>
);
