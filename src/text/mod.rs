//! The text toolkit: what the parsers need to know about characters and text, in one place.
//!
//! - [`chars`]: the shared character classes (Han characters, numeral characters, sentence
//!   ends);
//! - [`normalize`]: white space and invisible characters folded for names and parts, and
//!   `str::trim` for CJK text;
//! - [`brackets`]: brackets, quotes and 《》 titles, and splitting outside them;
//! - [`numeral`]: Arabic and Chinese numerals, as values and as nom parsers;
//! - [`markers`]: list markers (`1.`, `（一）`, `①`) and the points they cut a cell into;
//! - [`search`]: a word at the start of a text, the first of a few characters;
//! - [`sparse`]: a walk over the characters that steps over the ideographs;
//! - [`utf8`]: the step of the byte walks (an ideograph told by its lead byte);
//! - [`scan`]: byte searches for the rest of the crate (tabs, line breaks, control
//!   characters, a substring).
//!
//! Nothing outside this module looks at the UTF-8 bytes of a text. (The table layer's
//! `table::encoding` and `table::csv` read raw input bytes, bytes that are not yet text:
//! decoding them into text is their job. Outside `text`, byte offsets are only char
//! boundaries a `str` method gave, moved by `char::len_utf8`.) The byte-level fast paths
//! are here, each with a test that holds it to its definition over the characters:
//!
//! | fast path | why | test |
//! |---|---|---|
//! | [`normalize::find_space_or_invisible`] | every cell is searched for white space; ideographs (lead byte `E4`…`E9`) and characters whose lead byte no space has are stepped over undecoded | `normalize::tests::the_lead_byte_walk_finds_what_find_finds` |
//! | [`normalize::trim`], `trim_start`, `trim_end` (with `ideographs_at_both_ends`) | cells and parts are trimmed everywhere; an ASCII byte or an ideograph's lead byte settles an end without the Unicode table, and so does a start led by `EF` (U+F000…U+FFFF: full-width forms, no white space) | `normalize::tests::trim_is_str_trim` |
//! | [`utf8::is_wide_lead`], [`utf8::char_at`], [`utf8::starts_an_ideograph`] | the step of the walks above and below: a character of U+4000…U+9FFF passed by its lead byte, any other decoded | `brackets::tests::non_ideographs_are_char_indices_without_the_ideographs` |
//! | [`brackets::non_ideographs`] | the characters of a text less the ideographs, for scans for punctuation, which no ideograph is | `brackets::tests::non_ideographs_are_char_indices_without_the_ideographs` |
//! | [`brackets::title_spans`] | `《` and `》` share the lead byte `E3`, which memchr finds far faster than a walk | `brackets::tests::title_spans_by_memchr_agree_with_the_char_walk` |
//! | `markers::candidates` | one walk over every cell that may hold a list: ideographs after an ideograph passed undecoded, the rest classified by a table of 256 traits | `markers::candidates::tests::one_walk_finds_what_tracking_the_depth_finds`, `the_table_of_traits_is_their_definition` |
//! | `markers::grammar::ascii_point` | most markers are `1.` or `2、`: ASCII digits read as bytes, where nom's parsers cost several times as much | `markers::grammar::tests::marker_at_reads_as_every_style_tried_in_turn` |
//! | [`markers::may_hold_marker`] | asked of every cell before the search for markers; looks only at the non-ideographs | `markers::prefilter::tests::the_byte_walk_agrees_with_looking_at_every_pair` |
//! | [`scan::may_hold_control_character`] | every line is scanned for control characters; 32 bytes at a time without a branch per byte, which the compiler vectorizes | `scan::tests::the_block_prefilter_agrees_with_the_bytewise_one`, `the_byte_prefilter_lets_every_control_character_through` |
//! | [`scan::tabs`], [`scan::find_line_break`] | every line is split at tabs, the source at line breaks: memchr, a fraction of an instruction per byte | `scan::tests::tabs_and_line_breaks_are_found_where_str_finds_them` |
//! | [`scan::Needle`] | a document number is searched for in every cell that cites it; memchr's substring search, set up once per number | `scan::tests::a_needle_is_found_where_str_find_finds_it` |
//! | [`search::word_at_start`] (with [`search::starts_with_word`]) | grammars try a list of words (range words, joiners, conjunctions, a deadline's basis words at each place of its prefix) at many places where mostly none is: each word's first byte is compared before the whole word | `search::tests::finds_what_a_plain_search_finds`, `words_at_either_end_are_found_as_str_finds_them` |
//! | [`search::ends_with_word`] | a deadline's prefix is read right to left, its qualifiers (`不超过`, `最长`, `为`…) and the names of a limit tried at its end, where mostly none is: each word's last byte is compared before the whole word | `search::tests::words_at_either_end_are_found_as_str_finds_them` |
//! | [`search::find_word`], [`search::rfind_word`] | a deadline's pieces and items are searched for short words (`随时`, `每`, `不含`, a start's openers `自`, `收到`…): `str::find` builds a searcher per call, which costs more than the search; memchr finds the word's first byte and each place is compared with the word | `search::tests::find_word_finds_what_str_find_finds` |
//! | [`search::overlap`] | joining a 主项 split by a page break: the longest end of one piece that starts the next, by the prefix function (Knuth–Morris–Pratt) on bytes, linear however long the pieces | `search::tests::the_prefix_function_finds_the_longest_overlap` |
//! | [`search::find_any_char`] (with [`search::Needles`]) | `str::find` with a `char` stops at every ideograph sharing its last byte; memchr finds the rare lead byte (`EF`, `E3`) of full-width and CJK punctuation; materials ask every point of a cell for a colon | `search::tests::find_any_char_agrees_with_find` |
//! | [`sparse::sparse_chars`] (with [`sparse::WideMarks`]) | the materials scan walks every clause for punctuation and the marks its token grammar starts at (`MARKS`: the first characters of copies, seal, choice, medium, optional, source and handling words, of the note words and `的`), and runs the grammar there only; ideographs are stepped over by their lead byte and matched by their three bytes, never decoded (decoding made the scan 45 % dearer) | `sparse::tests::sparse_chars_skips_the_wide_range_but_its_marks` |
//! | [`variants::simplified_char`] | header matching folds every character of the data cells it tries to simplified; a bit per traditional character (its value modulo 4096) passes 97 % of characters without the binary search | `variants::tests::the_filter_passes_every_traditional_character` |
//! | [`scan::first_char`] | header names' first characters in a table built at compile time, where `str::chars` is not available | `scan::tests::first_char_is_chars_next` |

pub(crate) mod brackets;
pub(crate) mod chars;
pub(crate) mod markers;
pub(crate) mod normalize;
pub(crate) mod numeral;
pub(crate) mod scan;
pub(crate) mod search;
pub(crate) mod sparse;
pub(crate) mod utf8;
pub(crate) mod variants;
