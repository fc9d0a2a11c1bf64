extension HTMLReport {
    /// The report's whole style sheet, inline (README, "The report": no external reference).
    /// System fonts only; one column on a phone, a grid on a laptop; print drops the
    /// navigation, keeps chart colours and keeps each recommendation on one page.
    /// It holds no `<` or `&`, so it is also valid XML text.
    static let styleSheet = """
        :root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --line: #d9dee6; --panel: #f5f7fa;
          --accent: #1f5fae; --warn: #b3261e; --ok: #2e7d32; --bar: #3b78c3; --future: #eef2f8; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--ink); background: #fff; }
        main { max-width: 1180px; margin: 0 auto; padding: 0 20px 40px; }
        header.top { background: var(--panel); border-bottom: 1px solid var(--line); }
        header.top div.inner { max-width: 1180px; margin: 0 auto; padding: 18px 20px 12px; }
        h1 { font-size: 1.6em; margin: 0 0 4px; }
        h2 { font-size: 1.25em; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.05em; margin: 0; overflow-wrap: anywhere; }
        p { margin: 6px 0; }
        .muted, .meta { color: var(--muted); }
        .meta { margin: 0; font-size: 0.92em; }
        .meta span { white-space: nowrap; margin-right: 14px; }
        nav.toc { margin-top: 8px; font-size: 0.92em; display: flex; flex-wrap: wrap; gap: 2px 16px; }
        nav.toc a { color: var(--accent); text-decoration: none; white-space: nowrap; }
        .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(165px, 1fr)); gap: 10px; margin: 16px 0; }
        .tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
        .tile .v { display: block; font-size: 1.55em; font-weight: 650; font-variant-numeric: tabular-nums; }
        .tile .k { display: block; color: var(--muted); font-size: 0.88em; }
        .tile.alert .v { color: var(--warn); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap: 18px 28px; }
        figure { margin: 0; }
        figure.wide { grid-column: 1 / -1; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        figure p.note { font-size: 0.85em; color: var(--muted); }
        svg.chart { width: 100%; height: auto; display: block; }
        svg.chart-hbars { max-width: 560px; }
        svg.chart-weekly { max-width: 920px; }
        .c-bar { fill: var(--bar); }
        .c-axis { stroke: var(--muted); stroke-width: 1; }
        .c-grid { stroke: var(--line); stroke-width: 1; stroke-dasharray: 3 3; }
        .c-tick { font-size: 13px; fill: var(--muted); }
        .c-label { font-size: 14px; fill: var(--ink); }
        .c-value { font-size: 14px; fill: var(--muted); }
        .c-future { fill: var(--future); }
        .c-area { fill: #cfe0f5; }
        .c-line { fill: none; stroke: var(--bar); stroke-width: 1.6; stroke-linejoin: round; }
        .c-forecast { stroke: #e07b00; stroke-width: 1.6; stroke-dasharray: 5 3; }
        .c-backorder { fill: var(--warn); }
        .c-spark { font-size: 11px; fill: var(--muted); }
        .recs { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(340px, 100%), 1fr)); gap: 14px; }
        article.rec { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; break-inside: avoid; page-break-inside: avoid; }
        article.rec header { display: flex; gap: 10px; align-items: baseline; }
        .rank { flex: none; color: #fff; background: var(--accent); border-radius: 12px; padding: 0 9px; font-weight: 650;
          font-size: 0.9em; font-variant-numeric: tabular-nums; }
        .what { margin: 2px 0 6px; color: var(--muted); font-size: 0.9em; overflow-wrap: anywhere; }
        svg.spark { width: 100%; height: auto; display: block; margin: 4px 0 2px; }
        .legend { font-size: 0.78em; color: var(--muted); margin: 0 0 6px; }
        .legend i { display: inline-block; width: 14px; height: 0; vertical-align: middle; margin: 0 4px 0 0; border-top: 2px solid var(--bar); }
        .legend i.f { border-top: 2px dashed #e07b00; }
        .legend i.b { width: 4px; height: 8px; border: 0; background: var(--warn); }
        .legend span { margin-right: 10px; white-space: nowrap; }
        dl.figs { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 14px; margin: 6px 0; }
        dl.figs div { min-width: 0; }
        dl.figs dt { font-size: 0.78em; color: var(--muted); }
        dl.figs dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: break-word; }
        .nw { white-space: nowrap; }
        dd small { color: var(--muted); font-weight: normal; }
        dd.big { font-size: 1.15em; font-weight: 650; }
        .up { color: var(--warn); }
        p.reason { margin: 8px 0 0; padding: 6px 8px; background: var(--panel); border-radius: 6px; font-size: 0.9em; overflow-wrap: anywhere; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--panel); font-weight: 600; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        td.file { min-width: 11em; overflow-wrap: break-word; }
        table.narrow { width: auto; min-width: min(560px, 100%); }
        section > h3 { margin: 16px 0 6px; }
        ul.skus { columns: 2 260px; padding-left: 18px; }
        ul.skus li { break-inside: avoid; overflow-wrap: anywhere; }
        dl.guide dt { font-weight: 650; margin-top: 8px; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
        dl.guide dd { margin: 2px 0 0 0; }
        footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85em; }
        @media (max-width: 600px) {
          body { font-size: 14px; }
          main, header.top div.inner { padding-left: 12px; padding-right: 12px; }
          h1 { font-size: 1.3em; }
          .tiles { grid-template-columns: 1fr 1fr; }
          .tile .v { font-size: 1.3em; }
          .recs { grid-template-columns: 1fr; }
          .charts { grid-template-columns: 1fr; }
          .c-tick { font-size: 22px; }
          th, td { padding: 4px 5px; }
        }
        @media print {
          @page { margin: 14mm; }
          body { font-size: 10pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          nav.toc { display: none; }
          header.top { background: none; border: 0; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .charts { grid-template-columns: 1fr 1fr; }
          .recs { display: block; }
          article.rec { display: grid; grid-template-columns: 28% 1fr; column-gap: 12px; margin: 0 0 6px; padding: 6px 8px;
            font-size: 8.5pt; line-height: 1.3; }
          article.rec h3 { font-size: 1.1em; }
          p.reason { margin-top: 4px; padding: 3px 6px; }
          article.rec header, article.rec p.what, article.rec p.reason { grid-column: 1 / -1; }
          article.rec svg.spark { grid-column: 1; grid-row: 3; align-self: start; }
          article.rec dl.figs { grid-column: 2; grid-row: 3; grid-template-columns: repeat(4, 1fr); gap: 2px 10px; margin: 0; }
          figure, table tr, .tile { break-inside: avoid; page-break-inside: avoid; }
          .scroll { overflow: visible; }
        }
        """
}
