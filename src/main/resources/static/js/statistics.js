// 众创 statistics: draws every [data-chart] element with ECharts (data from the server,
// labels already in the page's language); a bar with a link drills down; print button.
(function () {
  'use strict';

  var palette = ['#1f5fa8', '#2e9d6b', '#d9822b', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#b7950b', '#34495e'];

  function option(d) {
    if (d.type === 'pie') {
      return {
        color: palette,
        tooltip: { trigger: 'item' },
        legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
          label: { formatter: '{b}: {c}' },
          data: d.labels.map(function (l, i) { return { name: l, value: d.values[i] }; }) }]
      };
    }
    if (d.type === 'bars') {
      return {
        color: palette,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 50 },
        xAxis: { type: 'category', data: d.labels },
        yAxis: { type: 'value', minInterval: 1 },
        series: d.series.map(function (s) { return { type: 'bar', name: s.name, data: s.values, barMaxWidth: 24 }; })
      };
    }
    return {
      color: palette,
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: d.labels.length > 6 ? 70 : 30 },
      xAxis: { type: 'category', data: d.labels, axisLabel: { interval: 0, rotate: d.labels.length > 6 ? 35 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: d.values, label: { show: true, position: 'top' }, barMaxWidth: 40 }]
    };
  }

  function draw() {
    if (typeof window.echarts === 'undefined') { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var d = JSON.parse(el.getAttribute('data-chart'));
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(d));
      if (d.links) {
        chart.on('click', function (p) {
          if (d.links[p.dataIndex]) { window.location.href = d.links[p.dataIndex]; }
        });
      }
      el.setAttribute('data-chart-drawn', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
      window.addEventListener('beforeprint', function () { chart.resize(); });
    });
  }

  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-print]')) { window.print(); }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
