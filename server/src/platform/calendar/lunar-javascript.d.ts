// lunar-javascript ships no type declarations. Only the astronomical helpers this folder uses are
// declared; everything else in the package stays untyped on purpose.
declare module 'lunar-javascript' {
  interface ShouXingUtilApi {
    /** The library's UTC offset of Beijing time, in days (1/3 = 8 h), added to every instant it returns. */
    readonly ONE_THIRD: number;
    /** Instant (days since J2000, Beijing time) at which the Moon–Sun elongation equals `w` radians. */
    shuoHigh(w: number): number;
    /** Instant (days since J2000, Beijing time) at which the Sun's apparent longitude equals `w` radians. */
    qiHigh(w: number): number;
  }

  interface LunarApi {
    getSolar(): { toYmd(): string };
  }

  const lunarJavascript: {
    readonly ShouXingUtil: ShouXingUtilApi;
    readonly Lunar: { fromYmd(year: number, month: number, day: number): LunarApi };
  };
  export = lunarJavascript;
}
