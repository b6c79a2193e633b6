/**
 * NutUI's theme (themes/default.css, imported by app.tsx) embeds two digit fonts, JDZH-Regular and JDZH-Bold, as
 * base64: 17 KB of the H5 entry's 64 KB of CSS and 8 of its 15 KB on the wire (Brotli), render-blocking, for the
 * digits of Badge, Rate, Price and CountDown. This webpack loader, run on NutUI's CSS files before any other, drops
 * the two @font-face rules and lets those digits take the text's own font (docs/performance.md, "H5 first screen").
 * Both builds (config/index.ts).
 */
const FONT_FACE = /@font-face\s*\{[^}]*JDZH-[^}]*\}/g
const FONT_USE = /font-family\s*:\s*["']?JDZH-[A-Za-z]+["']?/g

module.exports = function dropNutuiFonts(source) {
  return String(source).replace(FONT_FACE, '').replace(FONT_USE, 'font-family: inherit')
}
module.exports.FONT_FACE = FONT_FACE
module.exports.FONT_USE = FONT_USE
