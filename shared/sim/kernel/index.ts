export { Kernel } from './kernel';
export type { EventHandler, KernelOptions } from './kernel';
export { EventQueue } from './eventQueue';
export { TraceHash } from './traceHash';
