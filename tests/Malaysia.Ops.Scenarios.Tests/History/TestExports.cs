namespace Malaysia.Ops.Scenarios.Tests.History;

/// <summary>Small valid exports in each format, to import or break one way at a time; a CSV's
/// records are numbered by the line they start on, the header being line 1.</summary>
internal static class TestExports
{
    public const string PagerDuty = """"
        id,incident_number,title,description,service_name,urgency,created_on,resolved_on,seconds_to_first_ack,seconds_to_resolve,escalation_count,assignment_count,assigned_to_user_names
        PX1,101,GPU down,"Node kul-gpu-a-17 fell off the bus, see ""Xid 79""",gpu-fleet,high,2026-03-02T14:05:09-05:00,2026-03-02T15:05:09-05:00,120,3600,1,1,Ann Lee
        PX2,102,Lag,"Lag on the feature
        pipeline",etl,low,2026-03-02T20:00:00Z,2026-03-02T20:30:00Z,60,,0,1,Bo Tan
        PX3,103,Odd,,billing,high,2026-03-03T01:00:00Z,,,,0,1,
        """";

    public const string Opsgenie = """
        {"data": [
          {"id": "a1", "tinyId": "1", "message": "GPU fell off the bus", "createdAt": "2026-03-02T19:05:09.000Z", "priority": "P1",
           "tags": ["team-ml", "gpu"], "owner": "ann@example.com", "report": {"ackTime": 120000, "closeTime": 5400000}},
          {"id": "a2", "message": "Lag", "createdAt": "2026-03-02T20:00:00Z", "priority": "P5", "tags": []},
          {"id": "a3", "createdAt": "2026-03-03T01:00:00+08:00", "priority": "P3", "tags": ["storage"], "report": {"closeTime": 600000}}
        ]}
        """;

    public const string Generic = """
        raised_at,severity,type,service,work_minutes,summary
        2026-03-02T19:05:09Z,Sev1,GpuNodeFailure,,90,GPU fell off the bus
        2026-03-02T20:00:00Z,2,,etl,,
        2026-03-03T01:00:00Z,sev4,ModelDrift,,15.5,"drift, again"
        """;

    public const string Mapping = """
        # How the test exports' names read in the catalogue's terms.
        types:
          gpu-fleet: GpuNodeFailure
          etl: DataPipelineLag
          gpu: GpuNodeFailure
          storage: CheckpointStorageFull
        severities:
          high: Sev1
        unmapped:
          type: SecurityAlert
          severity: Sev4
        """;
}
