// Types for fft.js (the package ships none): the radix-4 real FFT used for band energies.
declare module 'fft.js' {
  export default class FFT {
    constructor(size: number);
    readonly size: number;
    createComplexArray(): number[];
    realTransform(output: number[] | Float64Array, input: ArrayLike<number>): void;
  }
}
