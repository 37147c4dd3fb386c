//! Finding a value by its field path (`agenda[1].segments[0].minutes`),
//! so rules checked on the plan can point back into the file.

use super::{Node, Value};

impl Node {
    /// Finds the node at a field path such as `agenda[1].segments[0].minutes`.
    pub(crate) fn find(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for part in path.split('.').filter(|p| !p.is_empty()) {
            let (key, indices) = part
                .split_once('[')
                .map_or((part, ""), |(k, rest)| (k, rest));
            if !key.is_empty() {
                let Value::Object(members) = &node.value else {
                    return None;
                };
                node = &members.iter().find(|m| m.key == key)?.node;
            }
            for index in indices.split('[').filter(|s| !s.is_empty()) {
                let i: usize = index.trim_end_matches(']').parse().ok()?;
                let Value::Array(items) = &node.value else {
                    return None;
                };
                node = items.get(i)?;
            }
        }
        Some(node)
    }
}
