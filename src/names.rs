//! The names of the crate's serialized enumerations (the model's, diagnostics' and the
//! comparison's): `as_str`, `Display`, `FromStr`, serde and the JSON Schema from one table
//! per enum, so that JSON, the flat tables and Rust callers spell a value the same way.

/// Implement `as_str`, `Display`, `FromStr`, serde and the JSON Schema for an open enum: one
/// with a variant `Unknown(String)` that keeps a value a later version writes. `FromStr` knows only this version's names (it fails on others);
/// deserializing keeps any string, and serializing writes it back as it was; the JSON
/// Schema lists the known values and allows any string.
macro_rules! open_names {
    ($what:literal, $ty:ident { $($variant:ident = $name:literal,)* }) => {
        impl $ty {
            #[doc = concat!("The snake_case name of the ", $what, ", as JSON and the flat tables write it; an")]
            /// unknown value's own text.
            pub fn as_str(&self) -> &str {
                match self {
                    $($ty::$variant => $name,)*
                    $ty::Unknown(name) => name,
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

            #[doc = concat!("The ", $what, " named by [`as_str`](", stringify!($ty), "::as_str); fails on a name this version does not know.")]
            fn from_str(name: &str) -> Result<$ty, crate::UnknownName> {
                match name {
                    $($name => Ok($ty::$variant),)*
                    _ => Err(crate::UnknownName::new($what, name)),
                }
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                let name = String::deserialize(deserializer)?;
                Ok(name.parse().unwrap_or($ty::Unknown(name)))
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "description": concat!(
                        "A ", $what, ": one of the values listed, or a value of a later version ",
                        "(any string)."
                    ),
                    "anyOf": [
                        { "type": "string", "enum": [$($name),*] },
                        { "type": "string" }
                    ]
                })
            }
        }
    };
}

pub(crate) use open_names;
