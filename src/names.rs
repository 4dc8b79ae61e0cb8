//! The names of the model's enumerations: `as_str`, `Display` and `FromStr` from one table
//! per enum, so that JSON, the flat tables and Rust callers spell a value the same way.

/// Implement `as_str`, `Display` and `FromStr` for an enum from its variants' names.
macro_rules! names {
    ($what:literal, $ty:ident { $($variant:ident = $name:literal,)* }) => {
        impl $ty {
            #[doc = concat!("The snake_case name of the ", $what, ", as JSON and the flat tables write it.")]
            pub fn as_str(&self) -> &str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = crate::UnknownName;

            #[doc = concat!("The ", $what, " named by [`as_str`](", stringify!($ty), "::as_str).")]
            fn from_str(name: &str) -> Result<$ty, crate::UnknownName> {
                match name {
                    $($name => Ok($ty::$variant),)*
                    _ => Err(crate::UnknownName::new($what, name)),
                }
            }
        }
    };
}

pub(crate) use names;
