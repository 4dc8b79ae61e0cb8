//! The step of the byte walks of this module: a character of U+4000…U+9FFF (the ideographs,
//! most characters of a cell) told by its UTF-8 lead byte and stepped over undecoded, any other
//! character decoded. The walks that use it (white space in [`super::normalize`], brackets in
//! [`super::brackets`], list markers, [`super::sparse`]) are each tested against the plain
//! walk over the characters.

/// Whether `lead` is the UTF-8 lead byte of a character of U+4000 … U+9FFF (`E4` … `E9`,
/// three bytes long): the ideographs, most characters of a cell, and none of them white
/// space, punctuation, a bracket or a digit. Byte walks step over such a character by this
/// test alone, without decoding it.
#[inline(always)]
pub(crate) fn is_wide_lead(lead: u8) -> bool {
    (0xE4..=0xE9).contains(&lead)
}

/// The character of `text` that starts at byte `at`, whose first byte the caller has read as
/// `lead`: decoded only when it is not ASCII; `None` off a character boundary. For the byte
/// walks that step over [`is_wide_lead`] characters and look at the others.
#[inline(always)]
pub(crate) fn char_at(text: &str, at: usize, lead: u8) -> Option<char> {
    if lead < 0x80 {
        Some(char::from(lead))
    } else {
        text.get(at..).and_then(|rest| rest.chars().next())
    }
}

/// Whether a character of valid UTF-8 with lead byte `lead`, followed by `second`, is a CJK
/// unified ideograph ([`is_ideograph`](crate::text::chars::is_ideograph), U+4E00–U+9FFF): `E4 B8`–`E4 BF`, or a lead byte
/// `E5`–`E9`.
#[inline(always)]
pub(crate) fn starts_an_ideograph(lead: u8, second: Option<&u8>) -> bool {
    (0xE5..=0xE9).contains(&lead) || (lead == 0xE4 && second.is_some_and(|&b| b >= 0xB8))
}
