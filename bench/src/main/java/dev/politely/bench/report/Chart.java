package dev.politely.bench.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.politely.harness.Latencies;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One PNG of four panels: throughput per stage against its baseline, the latency
 * distributions (percentile spectrum), the end-to-end ladder, and the heap of each
 * service. Drawn with JFreeChart, headless.
 */
public final class Chart {

	private static final Color POLITELY = new Color(0x2E, 0x6F, 0xB7);

	private static final Color BASELINE = new Color(0xB0, 0xB0, 0xB0);

	private static final Color THIRD = new Color(0xD9, 0x6C, 0x2B);

	private Chart() {
	}

	public static void write(Results r, Path png) throws IOException {
		System.setProperty("java.awt.headless", "true");
		int w = 1600;
		int h = 1150;
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
		g.drawString("Politely bench, " + r.mode + " run, " + r.startedAt, 20, 28);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
		g.drawString(r.machine, 20, 50);
		g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 15));
		g.drawString(Report.summaryJson(r), 20, 72);
		int top = 85;
		int cw = w / 2;
		int ch = (h - top) / 2;
		throughput(r).draw(g, new Rectangle2D.Double(0, top, cw, ch));
		latency(r).draw(g, new Rectangle2D.Double(cw, top, cw, ch));
		ladder(r).draw(g, new Rectangle2D.Double(0, top + ch, cw, ch));
		heap(r).draw(g, new Rectangle2D.Double(cw, top + ch, cw, ch));
		g.dispose();
		ImageIO.write(image, "png", png.toFile());
	}

	private static JFreeChart throughput(Results r) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Results.Comparison c : r.comparisons) {
			String category = r.ratios ? String.format("%s (%s), ratio %.2f", c.stage(), c.unit(), c.ratio())
					: String.format("%s (%s)", c.stage(), c.unit());
			data.addValue(c.politely().perSecond(), "Politely", category);
			data.addValue(c.baseline().perSecond(), "baseline", category);
		}
		data.addValue(r.sustained, "Politely", "end to end (solicitations/s)");
		JFreeChart chart = ChartFactory.createBarChart("Throughput per stage, Politely vs its baseline (same run)",
				null, "per second (log scale)", data, PlotOrientation.VERTICAL, true, false, false);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setRangeAxis(log("per second (log scale)", 1));
		plot.getDomainAxis().setMaximumCategoryLabelLines(3);
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setSeriesPaint(0, POLITELY);
		renderer.setSeriesPaint(1, BASELINE);
		renderer.setDefaultItemLabelGenerator(
				new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("#,##0")));
		renderer.setDefaultItemLabelsVisible(true);
		style(chart);
		return chart;
	}

	private static JFreeChart latency(Results r) {
		XYSeriesCollection data = new XYSeriesCollection();
		add(data, String.format("end to end at %.0f/s: 202 -> owner's email", r.e2eRate), r.e2eLatencies);
		add(data, "intake, " + r.connections + " connections, closed loop", r.intakeLatencies);
		add(data, "bare Spring MVC 202, same load", r.bareLatencies);
		JFreeChart chart = ChartFactory.createXYLineChart("Latency distribution (percentile spectrum)",
				"percentile: 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9", "milliseconds (log scale)", data,
				PlotOrientation.VERTICAL, true, false, false);
		XYPlot plot = chart.getXYPlot();
		plot.setDomainAxis(log("percentile, as 1/(1-p): 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9", 1));
		plot.setRangeAxis(log("milliseconds (log scale)", 0.01));
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
		renderer.setSeriesPaint(0, THIRD);
		renderer.setSeriesPaint(1, POLITELY);
		renderer.setSeriesPaint(2, BASELINE);
		plot.setRenderer(renderer);
		style(chart);
		return chart;
	}

	private static void add(XYSeriesCollection data, String name, Latencies latencies) {
		if (latencies == null || latencies.count() == 0) {
			return;
		}
		XYSeries series = new XYSeries(name);
		for (double q = 1; q <= 10000; q *= 1.1) {
			double p = 100 * (1 - 1 / q);
			if (p > 100 * (1 - 1.0 / latencies.count())) {
				break;
			}
			series.add(q, Math.max(0.01, latencies.percentileMillis(p)));
		}
		data.addSeries(series);
	}

	private static JFreeChart ladder(Results r) {
		XYSeriesCollection rates = new XYSeriesCollection();
		XYSeries accepted = new XYSeries("accepted solicitations/s");
		XYSeries offered = new XYSeries("offered/s");
		XYSeries mails = new XYSeries("owner emails/s delivered (step and its drain)");
		XYSeriesCollection tail = new XYSeriesCollection();
		XYSeries p99 = new XYSeries("p99 202 -> owner's email, ms (right axis)");
		for (Results.Step s : r.ladder) {
			accepted.add(s.offered(), s.accepted());
			offered.add(s.offered(), s.offered());
			mails.add(s.offered(), s.ownerMailsPerSecond());
			if (!Double.isNaN(s.p99())) {
				p99.add(s.offered(), s.p99());
			}
		}
		rates.addSeries(accepted);
		rates.addSeries(offered);
		rates.addSeries(mails);
		tail.addSeries(p99);
		JFreeChart chart = ChartFactory.createXYLineChart(
				String.format("End to end under a fixed offered load: sustained %.0f/s", r.sustained),
				"offered solicitations/s", "per second", rates, PlotOrientation.VERTICAL, true, false, false);
		XYPlot plot = chart.getXYPlot();
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		renderer.setSeriesPaint(0, POLITELY);
		renderer.setSeriesPaint(1, BASELINE);
		renderer.setSeriesPaint(2, new Color(0x4C, 0xA2, 0x5A));
		plot.setRenderer(0, renderer);
		plot.setRangeAxis(1, log("p99 202 -> owner's email, ms (log scale)", 1));
		plot.setDataset(1, tail);
		plot.mapDatasetToRangeAxis(1, 1);
		XYLineAndShapeRenderer tailRenderer = new XYLineAndShapeRenderer(true, true);
		tailRenderer.setSeriesPaint(0, THIRD);
		plot.setRenderer(1, tailRenderer);
		((NumberAxis) plot.getRangeAxis(0)).setAutoRangeIncludesZero(true);
		style(chart);
		return chart;
	}

	private static JFreeChart heap(Results r) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Map.Entry<String, Double> e : r.heapMiB.entrySet()) {
			data.addValue(e.getValue(), "mean", e.getKey());
			data.addValue(r.heapMaxMiB.getOrDefault(e.getKey(), Double.NaN), "max", e.getKey());
		}
		JFreeChart chart = ChartFactory.createBarChart(
				String.format("Heap used per service at %.0f/s end to end (MiB, -Xmx384m)", r.e2eRate), null, "MiB",
				data, PlotOrientation.VERTICAL, true, false, false);
		BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setSeriesPaint(0, POLITELY);
		renderer.setSeriesPaint(1, BASELINE);
		renderer.setDefaultItemLabelGenerator(
				new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("#,##0")));
		renderer.setDefaultItemLabelsVisible(true);
		style(chart);
		return chart;
	}

	/** A log axis with one tick per decade, labelled with plain numbers. */
	private static LogAxis log(String label, double smallest) {
		LogAxis axis = new LogAxis(label);
		axis.setSmallestValue(smallest);
		axis.setTickUnit(new NumberTickUnit(1.0));
		axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##"));
		return axis;
	}

	private static void style(JFreeChart chart) {
		chart.setBackgroundPaint(Color.WHITE);
		chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		chart.getPlot().setBackgroundPaint(new Color(0xF7, 0xF7, 0xF7));
	}

}
