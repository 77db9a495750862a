#include "core/analyticscodec.h"

#include "core/decodearray.h"

#include <QJsonArray>

namespace hearth::AnalyticsCodec {

namespace {

using namespace Qt::StringLiterals;

constexpr qint64 maxCount = std::numeric_limits<qint64>::max() / 4;
constexpr qint64 maxMs = 32503680000000; // the year 3000

void readCounts(JsonReader &reader, const QJsonObject &json, AnalyticsCounts *counts)
{
    for (int i = 0; i < analyticsStepCount; ++i) {
        const QString name = analyticsStepToWire(AnalyticsStep(i));
        const QByteArray key = name.toLatin1();
        if (json.contains(name))
            counts->steps[std::size_t(i)] = reader.optionalInteger(QLatin1StringView(key), 0, maxCount).value_or(0);
    }
    counts->revenueCents = reader.optionalInteger("revenue_cents"_L1, 0, maxCount).value_or(0);
}

AnalyticsStep readStep(JsonReader &reader, const QJsonObject &json)
{
    const QString name = reader.requiredString("step"_L1);
    const std::optional<AnalyticsStep> step = analyticsStepFromWire(name);
    if (!step && json.value("step"_L1).isString())
        reader.fail("step"_L1, u"is not a known step"_s);
    return step.value_or(AnalyticsStep::View);
}

Decoded<AnalyticsBucket> bucketFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    AnalyticsBucket bucket;
    bucket.startMs = reader.requiredInteger("start_ms"_L1, 0, maxMs);
    readCounts(reader, json, &bucket.counts);
    if (!errors.isEmpty())
        return Decoded<AnalyticsBucket>::failure(errors);
    return {bucket, {}};
}

Decoded<AnalyticsRow> rowFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    AnalyticsRow row;
    row.widgetId = reader.requiredString("widget"_L1);
    row.step = readStep(reader, json);
    row.minuteMs = reader.requiredInteger("minute_ms"_L1, 0, maxMs);
    row.count = reader.requiredInteger("count"_L1, 0, maxCount);
    row.valueCents = reader.optionalInteger("value_cents"_L1, 0, maxCount).value_or(0);
    if (!errors.isEmpty())
        return Decoded<AnalyticsRow>::failure(errors);
    return {row, {}};
}

Decoded<AnalyticsSample> sampleFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    AnalyticsSample sample;
    sample.widgetId = reader.requiredString("widget"_L1);
    sample.step = readStep(reader, json);
    sample.tsMs = reader.requiredInteger("ts_ms"_L1, 0, maxMs);
    sample.valueCents = reader.optionalInteger("value_cents"_L1, 0, maxCount).value_or(0);
    if (!errors.isEmpty())
        return Decoded<AnalyticsSample>::failure(errors);
    return {sample, {}};
}

template<typename T, typename DecodeOne>
QList<T> readList(JsonReader &reader, const QJsonObject &json, QLatin1StringView key, FieldErrors *errors,
                  DecodeOne decodeOne)
{
    if (!json.contains(key))
        return {};
    const QJsonArray array = reader.requiredArray(key);
    Decoded<QList<T>> decoded = decodeArray<T>(array, decodeOne);
    for (const FieldError &error : std::as_const(decoded.errors))
        errors->append({QString(key) + error.field, error.message});
    return decoded.value.value_or(QList<T>{});
}

} // namespace

QJsonObject countsToJson(const AnalyticsCounts &counts)
{
    QJsonObject json;
    for (int i = 0; i < analyticsStepCount; ++i)
        json.insert(analyticsStepToWire(AnalyticsStep(i)), counts.steps[std::size_t(i)]);
    json.insert(u"revenue_cents"_s, counts.revenueCents);
    return json;
}

Decoded<AnalyticsCounts> countsFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    AnalyticsCounts counts;
    readCounts(reader, json, &counts);
    if (!errors.isEmpty())
        return Decoded<AnalyticsCounts>::failure(errors);
    return {counts, {}};
}

QJsonObject summaryToJson(const AnalyticsSummary &summary)
{
    QJsonArray funnel;
    for (int i = 0; i < funnelStageCount; ++i) {
        const auto stage = FunnelStage(i);
        funnel.append(QJsonObject{{u"count"_s, summary.totals.stage(stage)},
                                  {u"conversion"_s, summary.totals.conversion(stage)}});
    }
    QJsonArray series;
    for (const AnalyticsBucket &bucket : summary.series) {
        QJsonObject json = countsToJson(bucket.counts);
        json.insert(u"start_ms"_s, bucket.startMs);
        series.append(json);
    }
    return QJsonObject{{u"widget"_s, summary.widgetId},
                       {u"from_ms"_s, summary.fromMs},
                       {u"to_ms"_s, summary.toMs},
                       {u"bucket_s"_s, summary.bucketMs / 1000},
                       {u"totals"_s, countsToJson(summary.totals)},
                       {u"funnel"_s, funnel}, // viewed, opened, started, completed
                       {u"overall_conversion"_s, summary.totals.overallConversion()},
                       {u"revenue_cents"_s, summary.totals.revenueCents},
                       {u"series"_s, series},
                       {u"epoch"_s, summary.epoch},
                       {u"seq"_s, summary.seq}};
}

Decoded<AnalyticsSummary> summaryFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    AnalyticsSummary summary;
    summary.widgetId = reader.optionalString("widget"_L1);
    summary.fromMs = reader.requiredInteger("from_ms"_L1, 0, maxMs);
    summary.toMs = reader.requiredInteger("to_ms"_L1, 0, maxMs);
    summary.bucketMs = reader.requiredInteger("bucket_s"_L1, 60, 366LL * 86400) * 1000;
    summary.epoch = reader.requiredString("epoch"_L1, true);
    summary.seq = reader.requiredInteger("seq"_L1, 0, maxCount);
    const QJsonObject totals = reader.requiredObject("totals"_L1);
    JsonReader totalsReader(totals, &errors, u"totals"_s);
    readCounts(totalsReader, totals, &summary.totals);
    summary.series = readList<AnalyticsBucket>(reader, json, "series"_L1, &errors, bucketFromJson);
    if (!errors.isEmpty())
        return Decoded<AnalyticsSummary>::failure(errors);
    return {summary, {}};
}

QJsonObject tickToJson(const AnalyticsTick &tick)
{
    QJsonArray rows;
    for (const AnalyticsRow &row : tick.rows) {
        rows.append(QJsonObject{{u"widget"_s, row.widgetId},
                                {u"step"_s, analyticsStepToWire(row.step)},
                                {u"minute_ms"_s, row.minuteMs},
                                {u"count"_s, row.count},
                                {u"value_cents"_s, row.valueCents}});
    }
    QJsonArray samples;
    for (const AnalyticsSample &sample : tick.samples) {
        samples.append(QJsonObject{{u"widget"_s, sample.widgetId},
                                   {u"step"_s, analyticsStepToWire(sample.step)},
                                   {u"ts_ms"_s, sample.tsMs},
                                   {u"value_cents"_s, sample.valueCents}});
    }
    return QJsonObject{{u"rows"_s, rows}, {u"samples"_s, samples}};
}

Decoded<AnalyticsTick> tickFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    AnalyticsTick tick;
    tick.rows = readList<AnalyticsRow>(reader, json, "rows"_L1, &errors, rowFromJson);
    tick.samples = readList<AnalyticsSample>(reader, json, "samples"_L1, &errors, sampleFromJson);
    if (tick.samples.size() > AnalyticsTick::maxSamples)
        tick.samples = tick.samples.mid(tick.samples.size() - AnalyticsTick::maxSamples);
    if (!errors.isEmpty())
        return Decoded<AnalyticsTick>::failure(errors);
    return {tick, {}};
}

} // namespace hearth::AnalyticsCodec
