/**
 * H5 only: 首页 goes in the entry bundle instead of a chunk loaded after it, so the first screen
 * waits for one round of downloads, not two (docs/performance.md, "H5 first screen"). WeChat loads
 * pages from its own package and gets the empty first-page.ts instead.
 */
import '../pages/index/index'
