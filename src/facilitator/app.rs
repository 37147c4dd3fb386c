//! The facilitator console's event loop (placeholder until the loop lands).
