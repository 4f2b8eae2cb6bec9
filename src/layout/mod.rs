//! Layered layout of a workflow diagram, with Parallel branches and Map processors as compound
//! nodes.
