"""The floor for browser timings: a minimal Streamlit page holding one small Plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="Minimal", page_icon="📋", layout="wide")
st.title("Minimal page")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])), width="stretch")
