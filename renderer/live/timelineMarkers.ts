import type { ScenarioEvent } from '../../shared/model/types';
import type { NodeNamer } from './nodeNames';

/** What a marker's event does, in the user's names: "crash App B", "cut lb-app2", "note". */
function markerAction(event: ScenarioEvent, name: NodeNamer): string {
  // A target is a node (its name) or a link (its ends, when the namer knows the links).
  return `${event.action}${event.target ? ` ${name(event.target)}` : ''}`;
}

/** A timeline marker's tooltip: "30.0 s — crash App B: the second server dies". */
export function markerTitle(event: ScenarioEvent, name: NodeNamer): string {
  return `${event.atS.toFixed(1)} s — ${markerAction(event, name)}${event.note ? `: ${event.note}` : ''}`;
}

/** A timeline marker's accessible name: "Scenario event at 30.0 s: crash App B". */
export function markerAriaLabel(event: ScenarioEvent, name: NodeNamer): string {
  return `Scenario event at ${event.atS.toFixed(1)} s: ${markerAction(event, name)}`;
}
