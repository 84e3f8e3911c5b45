"""The floors for browser timings: a minimal Streamlit page holding one small Plotly chart, and with
``?elements=1`` the same page with the kinds of elements a dashboard page draws (sidebar widgets,
metrics, a table, an expander with a code block, a download button) holding no data at all.

The second floor shows what Streamlit's own element code costs a page before any of our queries:
each element kind's JavaScript is fetched only when the script first names it.
"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="Minimal", page_icon="📋", layout="wide")
elements = st.query_params.get("elements") == "1"
if elements:
    with st.sidebar:
        st.radio("Language", ["English", "ខ្មែរ"], horizontal=True)
        for name in ("Cycle", "Response", "Region", "Status"):
            st.selectbox(name, ["Any", "One", "Two"])
        for name in ("States", "Themes", "Ministries"):
            st.multiselect(name, ["One", "Two"])
        st.text_input("Search")
st.title("Minimal page")
if elements:
    for column, value in zip(st.columns(5), range(5), strict=True):
        column.metric("Figure", value)
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])), width="stretch")
if elements:
    st.dataframe(pd.DataFrame({"a": range(3), "b": ["x", "y", "z"]}), hide_index=True)
    st.download_button("Download CSV", data="a,b\n")
    with st.expander("Link to this view"):
        st.code("http://localhost/", language=None)
