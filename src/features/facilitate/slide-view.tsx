import { CompiledHtml } from '../../components/compiled-html';
import { format } from '../../lib/text/format';
import { CALLOUT_LABELS } from '../../shared/content/content-types';
import type { SessionSlide } from '../../shared/planning/plan-session';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A slide's heading, also what the presenter view calls the slide that comes next. */
export function slideTitle(slide: SessionSlide): string {
  switch (slide.kind) {
    case 'input':
      return slide.sectionTitle;
    case 'discuss':
      return `Discuss (${slide.discussMinutes} min)`;
    case 'poll':
      return 'Group check';
    case 'try':
      return 'Try this';
    case 'follow-up':
      return 'Follow-up';
  }
}

/** One slide, large, for a projector. A poll shows its options, then on reveal the answer and every explanation. */
export function SlideView({ slide, revealed }: { slide: SessionSlide; revealed: boolean }) {
  switch (slide.kind) {
    case 'input':
      return (
        <>
          <p className="slide__eyebrow">{slide.lessonTitle}</p>
          <h2 className="slide__title">{slide.sectionTitle}</h2>
          {slide.blocks.map((block) =>
            block.type === 'html' ? (
              <CompiledHtml key={block.id} className="slide__prose" html={block.html} />
            ) : (
              <aside
                key={block.id}
                className={`callout callout--${block.kind}`}
                aria-label={CALLOUT_LABELS[block.kind]}
              >
                <p className="callout__title">
                  {CALLOUT_LABELS[block.kind]}
                  {block.title !== CALLOUT_LABELS[block.kind] ? `: ${block.title}` : ''}
                </p>
                <CompiledHtml html={block.html} />
              </aside>
            ),
          )}
        </>
      );
    case 'discuss':
      return (
        <>
          <p className="slide__eyebrow">{slide.lessonTitle}</p>
          <h2 className="slide__title">Discuss</h2>
          <CompiledHtml className="slide__prose slide__prompt" html={slide.html} />
          <p className="slide__meta">Suggested time: {format.minutes(slide.discussMinutes)}</p>
        </>
      );
    case 'poll':
      return (
        <>
          <p className="slide__eyebrow">Group check: {slide.lessonTitle}</p>
          <CompiledHtml as="div" className="slide__title slide__question" html={slide.check.question} />
          {slide.check.multiple && <p className="slide__meta">More than one answer is right.</p>}
          <ol className="poll" aria-live="polite">
            {slide.check.options.map((option, i) => (
              <li
                key={option.id}
                className={
                  revealed
                    ? option.correct
                      ? 'poll__option poll__option--right'
                      : 'poll__option poll__option--wrong'
                    : 'poll__option'
                }
              >
                <span className="poll__letter" aria-hidden="true">
                  {LETTERS[i]}
                </span>
                <div>
                  <CompiledHtml as="span" html={option.html} />
                  {revealed && (
                    <>
                      <strong className="poll__verdict">{option.correct ? ' Right' : ' Not right'}</strong>
                      <CompiledHtml className="poll__explanation" html={option.explanation} />
                    </>
                  )}
                </div>
              </li>
            ))}
          </ol>
          {!revealed && (
            <p className="slide__meta">Hands up for each answer, then press → to show the answer.</p>
          )}
        </>
      );
    case 'try':
      return (
        <>
          <h2 className="slide__title">Try this before we meet again</h2>
          {slide.tries.length > 0 ? (
            slide.tries.map((t) => (
              <section key={`${t.lessonId}-${t.title}`} className="callout callout--try" aria-label={t.title}>
                <p className="callout__title">{t.title}</p>
                <CompiledHtml html={t.html} />
              </section>
            ))
          ) : (
            <p className="slide__prose">
              Choose one thing from today to try with a child or young person this week.
            </p>
          )}
          <p className="slide__meta">Say or write down what you will try, and with whom.</p>
        </>
      );
    case 'follow-up':
      return (
        <>
          <h2 className="slide__title">Follow-up</h2>
          <p className="slide__prose">
            We will come back to what you tried on <strong>{format.date(`${slide.on}T12:00:00Z`)}</strong>:
            what happened, what you would change, and what to try next.
          </p>
        </>
      );
  }
}
