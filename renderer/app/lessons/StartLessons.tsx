import { GraduationCap } from 'lucide-react';
import { useCommandDispatcher } from '../menu/CommandDispatcherContext';
import { LESSONS } from './lessonTexts';

/** The start screen's way into the course: shown in the inspector while nothing is selected. */
export function StartLessons() {
  const dispatcher = useCommandDispatcher();
  return (
    <section className="start-lessons" data-testid="start-lessons">
      <h3>Learn</h3>
      <p>
        {LESSONS.length} lessons walk through load balancing, DNS, CDNs, caching, replication, sharding, partitions, queues and availability, each a sandbox that
        breaks on cue.
      </p>
      <button type="button" className="file-button file-button-primary start-lessons-more" onClick={() => void dispatcher.run('help.lessons')}>
        <GraduationCap size={16} aria-hidden="true" /> Browse lessons…
      </button>
    </section>
  );
}
