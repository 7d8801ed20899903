import type { World } from '../../engine/world';

/** Client node index × this + user id is a user's identity across the whole world. */
const USERS_PER_CLIENT = 1_000_000_000;

/**
 * Where each user's session lives (DESIGN §3 app `sessions: local`): the server and that server's
 * life (its crash count) that last served the user. A request that lands on a `local` app other
 * than the one holding the user's session — or on the same one after it crashed and forgot it —
 * loses the session (`sessionsLost`). A user's first request has no session to lose.
 */
export class SessionBook {
  private readonly holder = new Map<number, number>();

  constructor(private readonly world: World) {}

  /** Request `req` reached `app` (in its `life`-th life): count a lost session if it lived elsewhere. */
  arrive(req: number, app: number, life: number): void {
    const requests = this.world.requests;
    const user = requests.client[req] * USERS_PER_CLIENT + requests.user[req];
    const here = app * 65536 + (life & 0xffff);
    const before = this.holder.get(user);
    if (before === here) return;
    if (before !== undefined) this.world.consistency.countSessionLost(requests.firstSendMs[req]);
    this.holder.set(user, here);
  }
}

const books = new WeakMap<World, SessionBook>();

export function sessionBookOf(world: World): SessionBook {
  let book = books.get(world);
  if (book === undefined) {
    book = new SessionBook(world);
    books.set(world, book);
  }
  return book;
}
