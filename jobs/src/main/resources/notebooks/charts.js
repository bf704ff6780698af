// Draws the charts of an hrss notebook page with Apache ECharts (inlined above): each <figure class="chart"> holds its
// option as JSON (written by ChartOption). SVG renderer: titles, axis labels and legends are <text> the reader's
// browser draws with the reader's fonts. When all are drawn, <html data-charts="drawn" data-charts-drawn="N">; a chart
// that fails shows its error in place and the page gets data-charts="failed".
(function () {
  var root = document.documentElement;
  var figures = document.querySelectorAll('figure.chart');
  var charts = [];
  var failed = 0;
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  // the point's own lines (its exact value, region, source …), as ChartOption wrote them
  function tooltip(p) {
    var tip = (p.data && p.data.tip) || [];
    var lines = [p.marker + '<b>' + esc(p.seriesName) + '</b>'];
    for (var i = 0; i < tip.length; i++) lines.push(esc(tip[i][0]) + ': <b>' + esc(tip[i][1]) + '</b>');
    return lines.join('<br>');
  }
  for (var i = 0; i < figures.length; i++) {
    var figure = figures[i];
    try {
      var option = JSON.parse(figure.querySelector('script.chart-option').textContent);
      option.tooltip.formatter = tooltip;
      if (option.xAxis && option.xAxis.type === 'value') {
        option.xAxis.axisLabel = option.xAxis.axisLabel || {};
        option.xAxis.axisLabel.formatter = function (v) { return String(v); };   // 2015, not 2,015
      }
      var chart = echarts.init(figure.querySelector('div.echart'), null, { renderer: 'svg' });
      chart.setOption(option);
      charts.push(chart);
    } catch (e) {
      failed++;
      var p = document.createElement('p');
      p.className = 'error chart-error';
      p.textContent = 'chart not drawn: ' + e;
      figure.appendChild(p);
    }
  }
  window.addEventListener('resize', function () {
    for (var j = 0; j < charts.length; j++) charts[j].resize();
  });
  root.setAttribute('data-charts-drawn', String(charts.length));
  root.setAttribute('data-charts', failed ? 'failed' : 'drawn');
})();
