// tenderlens pages work without script; this file only submits the overview's filter form when a select changes.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form#overview-filters select').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
});
