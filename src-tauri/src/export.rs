//! Exporting the diagram as a picture: the core's own renderer (`statewright::render`) draws the
//! same layout the canvas shows (pins included), as SVG or PNG, written atomically.

use std::collections::BTreeMap;
use std::path::Path;

use statewright::asl::Document;
use statewright::layout::{self, Direction};
use statewright::render;

use crate::ipc::{CommandError, ErrorCode, ImageFormat, Pin};

/// PNGs are drawn at twice the diagram's size, so they stay sharp on screens and in documents.
const PNG_SCALE: f64 = 2.0;

/// The picture's bytes.
pub fn image(
    text: &str,
    pins: &BTreeMap<String, Pin>,
    format: ImageFormat,
) -> Result<Vec<u8>, CommandError> {
    let doc = Document::parse(text).map_err(|e| {
        fail(format!(
            "The ASL JSON has a mistake at line {}, column {}; fix it before exporting.",
            e.position.line, e.position.column
        ))
    })?;
    let options =
        layout::Options { direction: Direction::Down, pins: crate::sidecar::to_core(pins) };
    let laid = layout::layout_definition(doc.value(), &options);
    let svg = render::svg(&laid, &render::Options { direction: Direction::Down, legend: true });
    match format {
        ImageFormat::Svg => Ok(svg.into_bytes()),
        ImageFormat::Png => render::png::png(&svg, PNG_SCALE)
            .map_err(|e| fail(format!("The picture could not be drawn: {e}."))),
    }
}

/// Draws the diagram and writes it to `path`.
pub fn save(
    text: &str,
    pins: &BTreeMap<String, Pin>,
    path: &Path,
    format: ImageFormat,
) -> Result<(), CommandError> {
    let bytes = image(text, pins, format)?;
    statewright::asl::save::write_atomically(path, &bytes).map_err(|e| CommandError {
        code: ErrorCode::WriteFailed,
        message: format!("The picture could not be saved to “{}” ({e}).", path.display()),
        path: Some(path.display().to_string()),
    })
}

fn fail(message: String) -> CommandError {
    CommandError { code: ErrorCode::CannotEdit, message, path: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{"StartAt":"Pay","States":{"Pay":{"Type":"Pass","Next":"Done"},"Done":{"Type":"Succeed"}}}"#;

    #[test]
    fn svg_and_png_are_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let svg_path = dir.path().join("flow.svg");
        save(TEXT, &BTreeMap::new(), &svg_path, ImageFormat::Svg).expect("svg");
        let svg = std::fs::read_to_string(&svg_path).expect("written");
        assert!(
            svg.starts_with("<svg") && svg.contains(">Pay<") && svg.contains(">Done<"),
            "{svg}"
        );
        let png_path = dir.path().join("flow.png");
        save(TEXT, &BTreeMap::new(), &png_path, ImageFormat::Png).expect("png");
        assert!(std::fs::read(&png_path).expect("written").starts_with(b"\x89PNG\r\n\x1a\n"));
    }

    #[test]
    fn pins_move_the_drawing_and_bad_input_is_refused() {
        let pins = BTreeMap::from([("/States/Done".to_owned(), Pin { x: 600.0, y: 20.0 })]);
        let moved =
            String::from_utf8(image(TEXT, &pins, ImageFormat::Svg).expect("svg")).expect("utf8");
        let plain =
            String::from_utf8(image(TEXT, &BTreeMap::new(), ImageFormat::Svg).expect("svg"))
                .expect("utf8");
        assert_ne!(moved, plain);
        assert_eq!(
            image("{", &pins, ImageFormat::Svg).expect_err("broken").code,
            ErrorCode::CannotEdit
        );
        let nowhere = Path::new("/no/such/folder/x.svg");
        assert_eq!(
            save(TEXT, &pins, nowhere, ImageFormat::Svg).expect_err("no folder").code,
            ErrorCode::WriteFailed
        );
    }
}
