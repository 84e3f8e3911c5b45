"""Placeholder until the page lands (being written in this session)."""

import streamlit as st

st.title("states")
