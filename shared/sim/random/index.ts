export { createStream } from './stream';
export type { RandomStream } from './stream';
export {
  sample,
  exponential,
  uniformBetween,
  standardNormal,
  normal,
  lognormal,
  meanOf,
  varianceOf,
  percentileOf,
  inverseStandardNormalCdf,
  DEFAULT_LOGNORMAL_SIGMA,
} from './distributions';
export { createZipf } from './zipf';
export type { ZipfSampler } from './zipf';
