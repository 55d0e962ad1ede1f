namespace Malaysia.Ops.Simulator;

/// <summary>How a run carries the services' messages: delivered directly by the simulator's
/// engine (virtual time only), or over MassTransit's in-memory bus as the separate services do.</summary>
public enum SimulatorBus
{
    Direct,
    MassTransit,
}
