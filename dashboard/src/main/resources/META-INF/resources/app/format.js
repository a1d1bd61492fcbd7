// Figures as the user reads them: money in its currency with the browser's locale, dates in the programme's time
// zone. The API sends amounts as exact decimal strings; Intl formats such strings without going through a float.

export const locale = navigator.language || 'en';

const moneyFormats = new Map();

/** 45000.00 EUR → "€45,000.00" (en) or "45.000,00 €" (de); '–' for a missing amount. */
export function money(amount, currency) {
  if (amount === null || amount === undefined || amount === '') {
    return '–';
  }
  const key = currency || '';
  if (!moneyFormats.has(key)) {
    moneyFormats.set(key, currency
      ? new Intl.NumberFormat(locale, { style: 'currency', currency })
      : new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }));
  }
  return moneyFormats.get(key).format(amount);
}

/** A plain number ("312.5" conversions). */
export function number(value, digits = 1) {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A percentage given in percent ("45.00" → "45.0 %"). */
export function percent(value) {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(Number(value) / 100);
}

/** A ratio such as ROAS or ROI ("5.0000" → "5.00×"). */
export function ratio(value) {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}×`;
}

/** A calendar day (ISO "2026-11-01", already the programme's day) in the user's format. */
export function day(iso) {
  if (!iso) {
    return '–';
  }
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant in the programme's time zone, with the zone named. */
export function instant(iso, timeZone) {
  if (!iso) {
    return '–';
  }
  // dateStyle and timeStyle cannot be combined with timeZoneName: the parts one by one
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZone: timeZone || 'UTC', timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Today's month (YYYY-MM) in a time zone. */
export function currentMonth(timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit' })
    .formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year').value}-${parts.find((p) => p.type === 'month').value}`;
}

/** Today (YYYY-MM-DD) in a time zone. */
export function today(timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC' }).format(new Date());
}

/** Status words for goal statuses (never colour alone). */
export const STATUS = {
  on_track: 'On track', at_risk: 'At risk', behind: 'Behind', achieved: 'Achieved',
};

/** "paid_social" → "Paid social". */
export function label(wireName) {
  if (!wireName) {
    return '–';
  }
  const text = String(wireName).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.substring(1);
}
