/** The outputs of a run: the table, the JSON summary and details, the chart. */
package dev.politely.bench.report;
