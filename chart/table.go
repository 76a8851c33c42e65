package chart

import (
	"html/template"
	"strings"
	"sync"
)

// Table is a chart's data as rows: the category, then one column per
// series, then one per threshold.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// Table returns the chart's data table.
func (c *Chart) Table() Table {
	t := Table{Caption: c.Caption(), Head: []string{""}}
	for _, s := range c.Series {
		t.Head = append(t.Head, s.Name)
	}
	for _, th := range c.Thresholds {
		t.Head = append(t.Head, th.Label)
	}
	for i, l := range c.Labels {
		row := []string{l}
		for _, s := range c.Series {
			v := ""
			if i < len(s.Values) {
				v = num(s.Values[i])
			}
			row = append(row, v)
		}
		for _, th := range c.Thresholds {
			row = append(row, num(th.Value))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// figure lays a chart out for a page: the drawing, its caption, and the
// table with the same numbers, in a details element that prints open.
var figure = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("figure").Parse(`<figure class="chart" id="{{.ID}}">
{{.SVG}}<figcaption><strong>{{.Title}}.</strong> {{.Caption}}</figcaption>
<details class="chart-data" open>
<summary>The numbers</summary>
<table>
<caption>{{.Title}}: {{.Caption}}</caption>
<thead><tr>{{range $i, $h := .Table.Head}}<th scope="col">{{$h}}</th>{{end}}</tr></thead>
<tbody>
{{range .Table.Rows}}<tr>{{range $i, $v := .}}{{if eq $i 0}}<th scope="row">{{$v}}</th>{{else}}<td>{{$v}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>
</details>
</figure>
`))
})

// HTML returns the chart as a figure for a page: the SVG, the caption
// and the data table. The page's stylesheet may style .chart and
// .chart-data; the figure reads without it.
func (c *Chart) HTML() template.HTML {
	var b strings.Builder
	err := figure().Execute(&b, struct {
		ID, Title, Caption string
		SVG                template.HTML
		Table              Table
	}{c.safeID(), c.Title, c.Caption(), template.HTML(c.SVG()), c.Table()})
	if err != nil {
		// The template is fixed and the data plain strings: this cannot
		// happen, and a page without its chart says so.
		return template.HTML("<p>The chart could not be drawn.</p>")
	}
	return template.HTML(b.String())
}
