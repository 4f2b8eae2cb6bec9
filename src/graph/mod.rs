//! The workflow as a graph of states and transitions.
