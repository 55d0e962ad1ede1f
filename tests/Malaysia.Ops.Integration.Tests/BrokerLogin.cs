namespace Malaysia.Ops.Integration.Tests;

/// <summary>A broker user and its password.</summary>
public sealed record BrokerLogin(string User, string Password);
