// Package chart draws the insights' charts as SVG on the server: bars
// (stacked when there are several series) and lines over categories such
// as ISO weeks, with threshold lines for known limits. Every series has a
// pattern or a line style as well as a colour, so the chart reads in black
// and white and for people who do not tell the colours apart; every chart
// has a caption that says what is counted, over which window and when, and
// a data table with the same numbers (Table, HTML). No script, no web
// font, nothing fetched: the SVG reads offline and prints.
package chart

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"time"
)

// Chart is one chart: categories along the x axis, series of values.
type Chart struct {
	// ID names the chart's elements uniquely on a page (letters, digits
	// and hyphens).
	ID    string
	Title string
	// Counted says what is counted ("customer-facing incidents per
	// week"), Window over which period ("2025-W45 to 2026-W17"), and
	// Computed when: the caption says all three.
	Counted  string
	Window   string
	Computed time.Time
	// Labels are the categories, one per value of each series.
	Labels []string
	// YLabel names the unit of the y axis.
	YLabel     string
	Series     []Series
	Thresholds []Threshold
	// Width and Height are the drawing's size in pixels; 0 is 720 × 300.
	Width, Height int
}

// Series is one row of values. Bars stack in their order; a Line is drawn
// over them.
type Series struct {
	Name   string
	Values []float64
	Line   bool
}

// Threshold is a known limit drawn across the chart, such as the SRE
// book's two incidents per 12-hour shift.
type Threshold struct {
	Value float64
	Label string
}

// palette is Okabe and Ito's colour-blind safe palette, dark enough to
// carry a pattern.
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"}

// Caption says what the chart counts, over which window and when it was
// computed.
func (c *Chart) Caption() string {
	s := c.Counted
	if c.Window != "" {
		s += ", " + c.Window
	}
	if !c.Computed.IsZero() {
		s += "; computed " + c.Computed.UTC().Format("2006-01-02 15:04") + " UTC"
	}
	return s + "."
}

// geometry of the plot area inside the drawing.
const (
	padLeft       = 48
	padRight      = 16
	padTop        = 36
	basePadBottom = 64
)

// SVG draws the chart.
func (c *Chart) SVG() string {
	w, h := c.Width, c.Height
	if w == 0 {
		w, h = 720, 300
	}
	// The legend's rows go below the category labels; the drawing grows
	// by the rows past the first.
	rows := c.legendRows(w)
	h += 16 * max(len(rows)-1, 0)
	padBottom := basePadBottom + 16*max(len(rows)-1, 0)
	pw, ph := float64(w-padLeft-padRight), float64(h-padTop-padBottom)
	top := c.scaleMax()
	y := func(v float64) float64 { return padTop + ph - ph*v/top }
	n := len(c.Labels)
	slot := pw / float64(max(n, 1))
	var b strings.Builder
	id := c.safeID()
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-title %s-desc" class="chart">`+"\n", w, h, w, h, id, id)
	fmt.Fprintf(&b, "<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s The table below the chart gives every value.</desc>\n", id, esc(c.Title), id, esc(c.Caption()))
	b.WriteString("<style>text{font:11px system-ui,sans-serif;fill:#222}.axis{stroke:#444;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}.limit{stroke:#B00020;stroke-width:2;stroke-dasharray:6 4}.limit-label{fill:#B00020;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px}@media print{.grid{stroke:#bbb}}</style>\n")
	c.defs(&b)
	// Grid and y axis.
	for i := 0; i <= 4; i++ {
		v := top * float64(i) / 4
		fmt.Fprintf(&b, `<line class="grid" x1="%d" y1="%s" x2="%d" y2="%s"/><text x="%d" y="%s" text-anchor="end">%s</text>`+"\n",
			padLeft, f(y(v)), w-padRight, f(y(v)), padLeft-6, f(y(v)+4), num(v))
	}
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%s"/>`+"\n", padLeft, padTop, padLeft, f(y(0)))
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%s" x2="%d" y2="%s"/>`+"\n", padLeft, f(y(0)), w-padRight, f(y(0)))
	if c.YLabel != "" {
		fmt.Fprintf(&b, `<text x="%d" y="%d">%s</text>`+"\n", 4, padTop-14, esc(c.YLabel))
	}
	// Bars, stacked.
	bw := slot * 0.7
	for i := 0; i < n; i++ {
		base := 0.0
		for si, s := range c.Series {
			if s.Line || i >= len(s.Values) || s.Values[i] <= 0 {
				continue
			}
			x := padLeft + slot*float64(i) + (slot-bw)/2
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="url(#%s-p%d)" stroke="%s" stroke-width="0.75"><title>%s, %s: %s</title></rect>`+"\n",
				f(x), f(y(base+s.Values[i])), f(bw), f(y(base)-y(base+s.Values[i])), id, si, color(si), esc(c.Labels[i]), esc(s.Name), num(s.Values[i]))
			base += s.Values[i]
		}
	}
	// Lines, each with its own dashes and markers.
	for si, s := range c.Series {
		if !s.Line {
			continue
		}
		var pts []string
		for i := 0; i < n && i < len(s.Values); i++ {
			pts = append(pts, f(padLeft+slot*(float64(i)+0.5))+","+f(y(s.Values[i])))
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2.5" stroke-dasharray="%s"/>`+"\n", strings.Join(pts, " "), color(si), dashes(si))
		for i, p := range pts {
			xy := strings.Split(p, ",")
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="3" fill="#fff" stroke="%s" stroke-width="1.5"><title>%s, %s: %s</title></circle>`+"\n", xy[0], xy[1], color(si), esc(c.Labels[i]), esc(s.Name), num(s.Values[i]))
		}
	}
	// Thresholds, labelled.
	for _, t := range c.Thresholds {
		fmt.Fprintf(&b, `<line class="limit" x1="%d" y1="%s" x2="%d" y2="%s"/><text class="limit-label" x="%d" y="%s" text-anchor="end">%s</text>`+"\n",
			padLeft, f(y(t.Value)), w-padRight, f(y(t.Value)), w-padRight-2, f(y(t.Value)-4), esc(t.Label))
	}
	// Category labels, thinned to at most 13, and shortened to their
	// room (about 6.5 pixels a character) with the whole label as a
	// tooltip; the table gives every label whole.
	step := max(1, (n+12)/13)
	room := max(3, int(slot*float64(step)/6.5))
	for i := 0; i < n; i += step {
		label, whole := c.Labels[i], ""
		if r := []rune(label); len(r) > room {
			label, whole = string(r[:room-1])+"…", "<title>"+esc(c.Labels[i])+"</title>"
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle">%s%s</text>`+"\n", f(padLeft+slot*(float64(i)+0.5)), f(y(0)+16), whole, esc(label))
	}
	c.legend(&b, rows, h-padBottom+46)
	b.WriteString("</svg>\n")
	return b.String()
}

// defs writes one pattern per series: a colour and a texture.
func (c *Chart) defs(b *strings.Builder) {
	b.WriteString("<defs>\n")
	for si := range c.Series {
		col := color(si)
		fmt.Fprintf(b, `<pattern id="%s-p%d" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="%s" fill-opacity="0.35"/>%s</pattern>`+"\n",
			c.safeID(), si, col, texture(si, col))
	}
	b.WriteString("</defs>\n")
}

// texture draws the marks that tell series apart without colour.
func texture(i int, col string) string {
	switch i % 5 {
	case 0:
		return fmt.Sprintf(`<rect width="8" height="8" fill="%s"/>`, col)
	case 1:
		return fmt.Sprintf(`<path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="%s" stroke-width="2"/>`, col)
	case 2:
		return fmt.Sprintf(`<circle cx="4" cy="4" r="2" fill="%s"/>`, col)
	case 3:
		return fmt.Sprintf(`<path d="M0,4 L8,4 M4,0 L4,8" stroke="%s" stroke-width="1.5"/>`, col)
	}
	return fmt.Sprintf(`<path d="M0,2 L8,2 M0,6 L8,6" stroke="%s" stroke-width="1.5"/>`, col)
}

func dashes(i int) string {
	return []string{"none", "8 4", "2 3", "10 3 2 3"}[i%4]
}

// legendItem is one entry of the legend: a swatch and its name.
type legendItem struct {
	name   string
	series int // -1 for a threshold
	line   bool
}

func (c *Chart) legendItems() []legendItem {
	var items []legendItem
	for si, s := range c.Series {
		items = append(items, legendItem{s.Name, si, s.Line})
	}
	for _, t := range c.Thresholds {
		items = append(items, legendItem{t.Label, -1, true})
	}
	return items
}

// legendWidth is the room an entry takes: its swatch and its name at
// about 7 pixels a character.
func legendWidth(it legendItem) int { return 22 + 7*len([]rune(it.name)) + 18 }

// legendRows lays the legend out in rows that fit the width.
func (c *Chart) legendRows(w int) [][]legendItem {
	var rows [][]legendItem
	x := padLeft
	for _, it := range c.legendItems() {
		if len(rows) == 0 || x+legendWidth(it) > w-padRight && x > padLeft {
			rows = append(rows, nil)
			x = padLeft
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], it)
		x += legendWidth(it)
	}
	return rows
}

// legend names every series beside its swatch, and every threshold, in
// rows below the plot.
func (c *Chart) legend(b *strings.Builder, rows [][]legendItem, top int) {
	for r, row := range rows {
		x, yy := padLeft, top+16*r
		for _, it := range row {
			switch {
			case it.series < 0:
				fmt.Fprintf(b, `<line class="limit" x1="%d" y1="%d" x2="%d" y2="%d"/>`, x, yy-4, x+18, yy-4)
			case it.line:
				fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2.5" stroke-dasharray="%s"/>`, x, yy-4, x+18, yy-4, color(it.series), dashes(it.series))
			default:
				fmt.Fprintf(b, `<rect x="%d" y="%d" width="14" height="12" fill="url(#%s-p%d)" stroke="%s"/>`, x, yy-11, c.safeID(), it.series, color(it.series))
			}
			fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`+"\n", x+22, yy, esc(it.name))
			x += legendWidth(it)
		}
	}
}

// scaleMax is the top of the y axis: a round number above every stack,
// point and threshold.
func (c *Chart) scaleMax() float64 {
	top := 0.0
	for i := range c.Labels {
		stack := 0.0
		for _, s := range c.Series {
			if i < len(s.Values) {
				if s.Line {
					top = max(top, s.Values[i])
				} else if s.Values[i] > 0 {
					stack += s.Values[i]
				}
			}
		}
		top = max(top, stack)
	}
	for _, t := range c.Thresholds {
		top = max(top, t.Value*1.15)
	}
	if top <= 0 || math.IsNaN(top) || math.IsInf(top, 0) {
		return 4
	}
	// Four grid steps of 1, 2, 2.5 or 5 × 10ⁿ.
	raw := top / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	return 4 * step
}

// safeID is the chart's ID with anything but letters, digits and hyphens
// left out, "chart" when nothing is left.
func (c *Chart) safeID() string {
	id := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, c.ID)
	if id == "" {
		return "chart"
	}
	return id
}

func color(i int) string { return palette[i%len(palette)] }

func esc(s string) string { return html.EscapeString(s) }

// f writes a coordinate with one decimal, so the output is the same on
// every machine.
func f(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// num writes a value as a person reads it: no trailing zeros, at most two
// decimals.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }
