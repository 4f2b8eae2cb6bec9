//! PNG export: rasterizes the SVG from [`svg`](super::svg) with resvg (usvg parsing, tiny-skia
//! drawing), text from the system's fonts (DejaVu Sans on Debian, package `fonts-dejavu-core`).

use resvg::{tiny_skia, usvg};

/// Most pixels we are willing to allocate; bigger diagrams are scaled down to fit.
const MAX_PIXELS: f64 = 40_000_000.0;

/// PNG bytes of an SVG document, drawn at `scale` (reduced when the image would be huge).
pub fn png(svg: &str, scale: f64) -> Result<Vec<u8>, String> {
    let mut options = usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    if options.fontdb.faces().next().is_none() {
        return Err("no fonts found on this system (install fonts-dejavu-core)".into());
    }
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("cannot read the SVG: {e}"))?;
    let size = tree.size();
    let (w, h) = (f64::from(size.width()), f64::from(size.height()));
    let scale = scale.min((MAX_PIXELS / (w * h).max(1.0)).sqrt()).max(0.01);
    let pw = (w * scale).ceil().max(1.0) as u32;
    let ph = (h * scale).ceil().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(pw, ph).ok_or("the image is too large")?;
    let s = scale as f32;
    resvg::render(&tree, tiny_skia::Transform::from_scale(s, s), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("cannot encode the PNG: {e}"))
}
