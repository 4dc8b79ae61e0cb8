//! Text normalization for names and extracted parts (never for `raw`).

/// Whether `c` is a Han character or CJK punctuation, between which PDF extraction inserts
/// spaces that the source never had.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{303F}' // CJK symbols and punctuation
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FF0F}' // full-width punctuation before the digits
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{2026}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Characters that take no room and carry no text (zero-width space, joiners, BOM).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Trim, drop invisible characters, fold every run of white space (the ideographic space
/// too) into one space, and drop the space between two CJK characters.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut last: Option<char> = None;
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = last.is_some();
            continue;
        }
        if pending_space && !(last.is_some_and(is_cjk) && is_cjk(c)) {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
        last = Some(c);
    }
    out
}

/// Trim, drop invisible characters and fold every run of white space into one space, keeping
/// the spaces between CJK characters. For titles, where a space separates co-issuers
/// (`《国家医保局 财政部关于…》`).
pub(crate) fn fold_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !is_invisible(*c)));
    }
    out
}

/// [`normalize`] without allocating when the text is already normal.
pub(crate) fn normalize_cow(text: &str) -> std::borrow::Cow<'_, str> {
    let clean = !text.chars().any(|c| c.is_whitespace() || is_invisible(c));
    if clean {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(normalize(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_trims_white_space() {
        assert_eq!(
            normalize("  现场办理 \u{3000} 网上办理 "),
            "现场办理网上办理"
        );
        assert_eq!(normalize("学校提供花名册 1  份"), "学校提供花名册 1 份");
        assert_eq!(normalize("a \t b"), "a b");
        assert_eq!(normalize("基本医疗保险 参保登记"), "基本医疗保险参保登记");
    }

    #[test]
    fn fold_spaces_keeps_one_space_between_words() {
        assert_eq!(
            fold_spaces(" 国家医保局 \u{3000}财政部关于 "),
            "国家医保局 财政部关于"
        );
        assert_eq!(fold_spaces("a\u{200B}b"), "ab");
    }

    #[test]
    fn drops_invisible_characters() {
        assert_eq!(normalize("单位\u{200B}参保"), "单位参保");
        assert_eq!(normalize("\u{FEFF}主项"), "主项");
    }

    #[test]
    fn cow_borrows_normal_text() {
        assert!(matches!(
            normalize_cow("单位参保登记"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(normalize_cow(" 单位 参保 "), "单位参保");
        assert_eq!(normalize_cow("1 份"), "1 份");
    }
}
